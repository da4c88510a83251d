package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.BoxUser;
import dev.boxauth.emulator.CcgApp;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.MeByAppResource;
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

/**
 * Methods and subjects chosen by configuration alone, side by side on Liberty: the default app uses the
 * Client Credentials Grant for its enterprise, "ccguser" the same grant for one user, and "ada" JWT for
 * one user.
 */
@ExtendWith(ArquillianExtension.class)
class MethodsIT extends ServerIT {

    private static BoxEmulator box;
    private static CcgApp ccg;
    private static BoxUser grace;
    private static BoxUser ada;

    @Deployment(testable = false)
    static WebArchive deployment() {
        box = BoxEmulator.start();
        ccg = box.createCcgApp();
        grace = ccg.createUser("Grace Hopper");
        JwtApp jwt = registerFixtureApp(box);
        ada = jwt.createUser("Ada Lovelace");
        Map<String, String> config = new LinkedHashMap<>();
        for (String prefix : new String[] {"box.auth.", "box.auth.ccguser.", "box.auth.ada."}) {
            config.put(prefix + "token-url", box.tokenUrl());
            config.put(prefix + "api-url", box.apiUrl());
        }
        config.put("box.auth.client-id", ccg.clientId());
        config.put("box.auth.client-secret", ccg.clientSecret());
        config.put("box.auth.enterprise-id", ccg.enterpriseId());
        config.put("box.auth.ccguser.method", "ccg");
        config.put("box.auth.ccguser.client-id", ccg.clientId());
        config.put("box.auth.ccguser.client-secret", ccg.clientSecret());
        config.put("box.auth.ccguser.user-id", grace.id());
        config.put("box.auth.ada.config-file", CONFIG_FILE.toString());
        config.put("box.auth.ada.user-id", ada.id());
        return war("methods", config, ItApplication.class, MeByAppResource.class);
    }

    @AfterAll
    static void stop() {
        assertServerLogsHoldNoSecret(box);
        box.close();
    }

    @ArquillianResource
    URL base;

    @Test
    void eachAppGetsTokensForItsOwnMethodAndSubject() {
        assertThat(get(base, "api/me-by-app/default").body()).contains(ccg.serviceAccount().login());
        assertThat(get(base, "api/me-by-app/ccguser").body()).contains("Grace Hopper");
        assertThat(get(base, "api/me-by-app/ada").body()).contains("Ada Lovelace");

        assertThat(box.tokenRequests("client_credentials")).isEqualTo(2);
        assertThat(box.tokenRequests("urn:ietf:params:oauth:grant-type:jwt-bearer")).isEqualTo(1);
        assertThat(box.tokenRequestsFor(grace.id())).isEqualTo(1);
        assertThat(box.tokenRequestsFor(ada.id())).isEqualTo(1);
    }
}
