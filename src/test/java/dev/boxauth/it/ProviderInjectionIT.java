package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.TokenResource;
import java.net.URL;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A bean injects the provider, configured by microprofile-config.properties, and gets tokens from the emulator. */
@ExtendWith(ArquillianExtension.class)
class ProviderInjectionIT extends ServerIT {

    private static BoxEmulator box;

    @Deployment(testable = false)
    static WebArchive deployment() {
        box = emulatorWithFixtureApp(0);
        return war("injection", configFor(box), ItApplication.class, TokenResource.class);
    }

    @AfterAll
    static void stop() {
        assertServerLogsHoldNoSecret(box);
        box.close();
    }

    @ArquillianResource
    URL base;

    @Test
    void anInjectedProvider_getsOneTokenForManyCalls() {
        for (int i = 0; i < 10; i++) {
            var response = get(base, "api/token");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Instant.parse(response.body())).isAfter(Instant.now().plusSeconds(3000));
        }
        assertThat(box.tokenRequests()).isEqualTo(1);
    }

    @Test
    void theStartupLine_saysWhereRefreshesRun() {
        assertThat(serverLog()).contains("Box app (default): method jwt for enterprise 12345678,"
                + " client id fixture-client-id-not-real; configuration valid, first token on first use;"
                + " refreshes on " + SERVER.refreshExecutor());
    }
}
