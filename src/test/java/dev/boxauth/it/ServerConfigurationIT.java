package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.it.app.BoxUsersApi;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.MeResource;
import dev.boxauth.it.app.TokenResource;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configuration from the server rather than the application, on a server of its own (pom.xml, failsafe
 * execution "server-config"): the environment holds {@code BOX_AUTH_CONFIG} (the whole Developer
 * Console JSON) and {@code BOX_AUTH_TOKEN_URL}; server.xml {@code <variable>}s hold the API URLs. The
 * application itself carries no configuration.
 */
@ExtendWith(ArquillianExtension.class)
class ServerConfigurationIT extends ServerIT {

    private static BoxEmulator box;

    @Deployment(testable = false)
    static WebArchive deployment() {
        box = emulatorWithFixtureApp(Integer.getInteger("it.emulator.port"));
        return war("server-config", Map.of(), ItApplication.class, TokenResource.class, MeResource.class,
                BoxUsersApi.class);
    }

    @AfterAll
    static void stop() {
        assertServerLogsHoldNoSecret(box);
        box.close();
    }

    @ArquillianResource
    URL base;

    @Test
    void environmentVariablesAndServerVariables_configureTheProvider() {
        assertThat(get(base, "api/token").statusCode()).isEqualTo(200);
        assertThat(get(base, "api/me/jaxrs-client").body()).contains("AutomationUser_");
        assertThat(get(base, "api/me/rest-client").body()).contains("AutomationUser_");
        assertThat(box.tokenRequests()).isEqualTo(1);
    }
}
