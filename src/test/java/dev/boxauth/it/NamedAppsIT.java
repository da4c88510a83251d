package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.it.app.ArchiveUsersApi;
import dev.boxauth.it.app.BoxUsersApi;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.TwoAppsResource;
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
 * Two Box apps in one deployment: the default one under {@code box.auth.}, "archive" under
 * {@code box.auth.archive.}, each with its own emulator, cache and Rest Client.
 */
@ExtendWith(ArquillianExtension.class)
class NamedAppsIT extends ServerIT {

    private static BoxEmulator defaultBox;
    private static BoxEmulator archiveBox;
    private static JwtApp archiveApp;

    @Deployment(testable = false)
    static WebArchive deployment() {
        defaultBox = emulatorWithFixtureApp(0);
        archiveBox = BoxEmulator.start();
        archiveApp = archiveBox.createJwtApp();
        Map<String, String> config = new LinkedHashMap<>(configFor(defaultBox));
        config.put("box.auth.archive.config", archiveApp.configJson());
        config.put("box.auth.archive.token-url", archiveBox.tokenUrl());
        config.put("box.auth.archive.api-url", archiveBox.apiUrl());
        config.put("box-archive/mp-rest/url", archiveBox.apiUrl());
        return war("two-apps", config, ItApplication.class, TwoAppsResource.class, BoxUsersApi.class,
                ArchiveUsersApi.class);
    }

    @AfterAll
    static void stop() {
        assertServerLogsHoldNoSecret(defaultBox);
        assertServerLogsHoldNoSecret(archiveBox);
        defaultBox.close();
        archiveBox.close();
    }

    @ArquillianResource
    URL base;

    @Test
    void eachAppGetsItsOwnTokens_andEachRestClientUsesItsApp() {
        for (int i = 0; i < 3; i++) {
            assertThat(get(base, "api/apps/default/me").body()).contains("AutomationUser_")
                    .doesNotContain(archiveApp.serviceAccount().login());
            assertThat(get(base, "api/apps/archive/me").body()).contains(archiveApp.serviceAccount().login());
        }
        assertThat(get(base, "api/apps/distinct").body()).isEqualTo("true");

        assertThat(defaultBox.tokenRequests()).isEqualTo(1);
        assertThat(archiveBox.tokenRequests()).isEqualTo(1);
        assertThat(defaultBox.apiRequests()).isEqualTo(3);
        assertThat(archiveBox.apiRequests()).isEqualTo(3);
        assertThat(defaultBox.apiUnauthorized() + archiveBox.apiUnauthorized()).isZero();
    }
}
