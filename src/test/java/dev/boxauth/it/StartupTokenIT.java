package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.TokenResource;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With box.auth.fetch-on-startup the first token is obtained while the application starts. */
@ExtendWith(ArquillianExtension.class)
class StartupTokenIT extends ServerIT {

    private static BoxEmulator box;

    @Deployment(testable = false)
    static WebArchive deployment() {
        box = emulatorWithFixtureApp(0);
        Map<String, String> config = new LinkedHashMap<>(configFor(box));
        config.put("box.auth.fetch-on-startup", "true");
        return war("startup", config, ItApplication.class, TokenResource.class);
    }

    @AfterAll
    static void stop() {
        assertServerLogsHoldNoSecret(box);
        box.close();
    }

    @ArquillianResource
    URL base;

    @Test
    void theTokenIsThereBeforeTheFirstRequest() {
        assertThat(box.tokenRequests()).isEqualTo(1);
        assertThat(get(base, "api/token").statusCode()).isEqualTo(200);
        assertThat(box.tokenRequests()).isEqualTo(1);
    }
}
