package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.BoxUser;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.it.app.AsUserResource;
import dev.boxauth.it.app.ItApplication;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** An enterprise token acts as a user through As-User, which never reaches the token endpoint. */
@ExtendWith(ArquillianExtension.class)
class AsUserIT extends ServerIT {

    private static BoxEmulator box;
    private static BoxUser ada;

    @Deployment(testable = false)
    static WebArchive deployment() {
        box = BoxEmulator.start();
        JwtApp app = registerFixtureApp(box);
        app.performActionsAsUsers(true);
        ada = app.createUser("Ada Lovelace");
        return war("as-user", configFor(box), ItApplication.class, AsUserResource.class);
    }

    @AfterAll
    static void stop() {
        assertServerLogsHoldNoSecret(box);
        box.close();
    }

    @ArquillianResource
    URL base;

    @ParameterizedTest
    @ValueSource(strings = {"property", "header"})
    void theApiAnswersAsTheUser_andTheTokenEndpointNeverSeesAsUser(String how) {
        var me = get(base, "api/as-user/" + how + "/" + ada.id());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("Ada Lovelace");
        assertThat(box.asUserRequests()).isPositive();
        assertThat(box.tokenRequestsWithAsUser()).isZero();
        assertThat(box.tokenRequests()).isEqualTo(1);
    }
}
