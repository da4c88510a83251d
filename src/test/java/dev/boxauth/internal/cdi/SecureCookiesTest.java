package dev.boxauth.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.internal.config.OAuthSettings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the sign-in cookies are marked Secure, and what the browser's address is: whenever the browser spoke
 * https, proxies believed only when trusted.
 */
class SecureCookiesTest {

    @Test
    void aRequestOverHttps_getsSecureCookies() {
        assertThat(web(null, false).secure(request("https://app.example.com/api/", Map.of()))).isTrue();
    }

    @Test
    void aRequestOverHttp_getsNone_evenIfAHeaderClaimsHttps_unlessProxiesAreTrusted() {
        Map<String, String> claims = Map.of("X-Forwarded-Proto", "https");

        assertThat(web(null, false).secure(request("http://10.0.0.5:9080/api/", claims))).isFalse();
        assertThat(web(null, true).secure(request("http://10.0.0.5:9080/api/", claims))).isTrue();
        assertThat(web(null, true).secure(request("http://10.0.0.5:9080/api/", Map.of()))).isFalse();
    }

    @Test
    void aTrustedProxy_isReadFromForwardedToo_theNearestHopFirst() {
        OAuthWeb trusting = web(null, true);

        assertThat(trusting.secure(request("http://app/api/", Map.of("Forwarded", "for=1.2.3.4;proto=https")))).isTrue();
        assertThat(trusting.secure(request("http://app/api/", Map.of("Forwarded", "proto=\"https\";host=app")))).isTrue();
        assertThat(trusting.secure(request("http://app/api/", Map.of("Forwarded", "proto=http, proto=https"))))
                .isFalse();
        assertThat(trusting.secure(request("http://app/api/", Map.of("X-Forwarded-Proto", "https, http")))).isTrue();
    }

    @Test
    void theConfiguredChoice_winsWhateverTheRequest() {
        assertThat(web(true, false).secure(request("http://app/api/", Map.of()))).isTrue();
        assertThat(web(false, true).secure(request("https://app/api/", Map.of("X-Forwarded-Proto", "https"))))
                .isFalse();
    }

    @Test
    void behindATrustedProxy_theBrowsersSchemeAndHostAreTheProxys_soASignInThroughItStartsThere() {
        Map<String, String> balancer = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "app.example.com");
        ContainerRequestContext throughTheBalancer = request("http://10.0.0.5:9080/api/", balancer);

        assertThat(web(null, true).browserBase(throughTheBalancer)).hasToString("https://app.example.com/api/");
        assertThat(web(null, true).signInElsewhere(web(null, true).browserBase(throughTheBalancer), false)).isNull();
        assertThat(web(null, false).browserBase(throughTheBalancer)).hasToString("http://10.0.0.5:9080/api/");
        assertThat(web(null, true).browserBase(request("http://10.0.0.5:9080/api/",
                Map.of("Forwarded", "proto=https;host=\"app.example.com\"")))).hasToString("https://app.example.com/api/");
        assertThat(web(null, true).browserBase(request("http://10.0.0.5:9080/api/", Map.of("X-Forwarded-Host", "a b"))))
                .as("a header that names no host").hasToString("http://10.0.0.5:9080/api/");
    }

    private static OAuthWeb web(Boolean secureCookies, boolean trustForwarded) {
        return new OAuthWeb(null, new OAuthSettings(URI.create("https://app.example.com/api/box/oauth/callback"),
                List.of(), URI.create("https://account.box.com/api/oauth2/authorize"), "box/oauth/callback", "/",
                Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(12), secureCookies, trustForwarded),
                null, null, null, null);
    }

    /** A request with this base URI and these headers; nothing else of it is read. */
    private static ContainerRequestContext request(String base, Map<String, String> headers) {
        UriInfo uriInfo = (UriInfo) Proxy.newProxyInstance(SecureCookiesTest.class.getClassLoader(),
                new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBaseUri")) {
                        return URI.create(base);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(SecureCookiesTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUriInfo" -> uriInfo;
                    case "getHeaderString" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
