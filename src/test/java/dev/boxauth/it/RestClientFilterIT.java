package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.it.app.BoxUsersApi;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.MeResource;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The filter alone authenticates a MicroProfile Rest Client ({@code @RegisterProvider}) and a plain
 * JAX-RS client ({@code register}): one token for many calls, and a 401 invalidates it.
 */
@ExtendWith(ArquillianExtension.class)
class RestClientFilterIT extends ServerIT {

    private static BoxEmulator box;

    @Deployment(testable = false)
    static WebArchive deployment() {
        box = emulatorWithFixtureApp(0);
        return war("filter", configFor(box), ItApplication.class, MeResource.class, BoxUsersApi.class);
    }

    @AfterAll
    static void stop() {
        assertServerLogsHoldNoSecret(box);
        box.close();
    }

    @ArquillianResource
    URL base;

    /** Whatever the test before left, the application holds a valid token and the counters are zero. */
    @BeforeEach
    void startWithAValidCachedToken() {
        box.revokeAccessTokens();
        get(base, "api/me/rest-client");
        assertThat(get(base, "api/me/rest-client").statusCode()).isEqualTo(200);
        box.resetCounters();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest-client", "jaxrs-client"})
    void manyCalls_shareOneToken(String client) {
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> me = get(base, "api/me/" + client);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("AutomationUser_");
        }
        assertThat(box.apiRequests()).isEqualTo(10);
        assertThat(box.tokenRequests()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest-client", "jaxrs-client"})
    void a401_invalidatesTheToken_andTheNextCallSucceedsWithANewOne(String client) {
        box.revokeAccessTokens();

        assertThat(get(base, "api/me/" + client).body()).isEqualTo("Box answered 401");
        assertThat(get(base, "api/me/" + client).statusCode()).isEqualTo(200);
        assertThat(get(base, "api/me/" + client).statusCode()).isEqualTo(200);

        assertThat(box.apiUnauthorized()).isEqualTo(1);
        assertThat(box.tokenRequests()).isEqualTo(1);
    }
}
