package dev.boxauth.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.Downscope;
import dev.boxauth.cdi.BoxAsUser;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filter's headers, with no server: request and response contexts that hold only what it touches. */
class BoxAuthFilterTest {

    /** A provider that hands out "t1", then "t2" after t1 is invalidated. */
    private static final class TwoTokens implements BoxTokenProvider {
        String current = "t1";
        final List<String> invalidated = new ArrayList<>();

        @Override
        public String accessToken() {
            return current;
        }

        @Override
        public BoxAccessToken token() {
            return new BoxAccessToken(current, Instant.MAX);
        }

        @Override
        public void invalidate(String rejectedToken) {
            invalidated.add(rejectedToken);
            current = "t2";
        }

        @Override
        public BoxTokenProvider forUser(String userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BoxAccessToken downscope(Downscope request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void revoke() {
        }

        @Override
        public void close() {
        }
    }

    @BoxAsUser("111")
    interface ActsAsOneUser {
        void onInterface();

        @BoxAsUser("222")
        void onMethod();
    }

    /** Values that would add a header of their own, or are a login rather than a Box user id. */
    interface ActsAsNobodyValid {
        @BoxAsUser("111\r\nX-Injected: 1")
        void injects();

        @BoxAsUser("jane@example.com")
        void byLogin();
    }

    private final TwoTokens provider = new TwoTokens();
    private final BoxAuthFilter filter = new BoxAuthFilter(provider);
    private final Map<String, Object> properties = new HashMap<>();
    private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    private final ClientRequestContext request = (ClientRequestContext) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ClientRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getProperty" -> properties.get((String) args[0]);
                case "setProperty" -> properties.put((String) args[0], args[1]);
                case "getHeaders" -> headers;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static ClientResponseContext status(int status) {
        return (ClientResponseContext) Proxy.newProxyInstance(BoxAuthFilterTest.class.getClassLoader(),
                new Class<?>[] {ClientResponseContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getStatus")) {
                        return status;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private void invoking(String methodName) throws NoSuchMethodException {
        Method method = ActsAsOneUser.class.getMethod(methodName);
        properties.put("org.eclipse.microprofile.rest.client.invokedMethod", method);
    }

    @Test
    void filter_setsTheBearerToken_andNoAsUserByDefault() {
        filter.filter(request);

        assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer t1");
        assertThat(headers.containsKey("As-User")).isFalse();
    }

    @Test
    void a401_invalidatesExactlyTheTokenThatWasSent_andTheNextRequestCarriesTheNewOne() {
        filter.filter(request);
        filter.filter(request, status(401));
        filter.filter(request);

        assertThat(provider.invalidated).containsExactly("t1");
        assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer t2");
    }

    @Test
    void otherStatuses_invalidateNothing() {
        filter.filter(request);
        filter.filter(request, status(403));

        assertThat(provider.invalidated).isEmpty();
    }

    @Test
    void boxAsUser_onTheRestClientMethodWinsOverTheInterface() throws Exception {
        invoking("onInterface");
        filter.filter(request);
        assertThat(headers.getFirst("As-User")).isEqualTo("111");

        headers.clear();
        invoking("onMethod");
        filter.filter(request);
        assertThat(headers.getFirst("As-User")).isEqualTo("222");
    }

    @Test
    void anAsUserThatIsNotABoxUserId_isRefusedBeforeAnyHeaderIsSet_namingWhereItCameFrom_withoutEchoingIt()
            throws Exception {
        properties.put(BoxAuthFilter.AS_USER, "333\r\nX-Injected: 1");
        assertRefused("the request property dev.boxauth.as-user");

        properties.put(BoxAuthFilter.AS_USER, 333L);
        filter.filter(request);
        assertThat(headers.getFirst("As-User")).isEqualTo("333");
        headers.clear();

        properties.remove(BoxAuthFilter.AS_USER);
        headers.putSingle("As-User", "444\nX-Injected: 1");
        assertRefused("the As-User header");
        headers.clear();

        properties.put("org.eclipse.microprofile.rest.client.invokedMethod", ActsAsNobodyValid.class.getMethod("injects"));
        assertRefused("@BoxAsUser on " + ActsAsNobodyValid.class.getName() + ".injects");
        properties.put("org.eclipse.microprofile.rest.client.invokedMethod", ActsAsNobodyValid.class.getMethod("byLogin"));
        assertRefused("@BoxAsUser on " + ActsAsNobodyValid.class.getName() + ".byLogin");
    }

    private void assertRefused(String source) {
        assertThatThrownBy(() -> filter.filter(request))
                .isInstanceOf(BoxAuthException.class)
                .hasMessageContaining("As-User from " + source + " must be a numeric Box user id")
                .message().doesNotContain("X-Injected", "jane");
        assertThat(headers.get("Authorization")).isNull();
    }

    @Test
    void aPerRequestChoice_winsOverTheAnnotation() throws Exception {
        invoking("onMethod");
        properties.put(BoxAuthFilter.AS_USER, "333");
        filter.filter(request);
        assertThat(headers.getFirst("As-User")).isEqualTo("333");

        properties.remove(BoxAuthFilter.AS_USER);
        headers.clear();
        headers.putSingle("As-User", "444");
        filter.filter(request);
        assertThat(headers.getFirst("As-User")).isEqualTo("444");
    }
}
