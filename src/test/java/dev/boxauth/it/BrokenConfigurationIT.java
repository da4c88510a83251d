package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.TokenResource;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deployment whose configuration cannot work fails, and the server's log lists every problem, a named
 * app's under its own property names, and box-auth's own one line names them all by id.
 */
@ExtendWith(ArquillianExtension.class)
class BrokenConfigurationIT extends ServerIT {

    private static final String WRONG_PASSPHRASE = "not-the-passphrase-31337";

    private static final String NAME = "broken";

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return war(NAME, Map.of(
                "box.auth.client-id", "fixture-client-id-not-real",
                "box.auth.client-secret", CLIENT_SECRET,
                "box.auth.enterprise-id", "acme",
                "box.auth.jwt.key-id", "fixture-key-id",
                "box.auth.jwt.private-key-file",
                Path.of("src/test/resources/keys/genrsa-des3-pbkdf2-sha256.pem").toAbsolutePath().toString(),
                "box.auth.jwt.passphrase", WRONG_PASSPHRASE,
                "box.auth.jwt.algorithm", "HS256",
                "box.auth.token-url", "http://api.box.example/oauth2/token",
                "box.auth.archive.config-file", CONFIG_FILE.toString(),
                "box.auth.archive.jwt.algorithm", "ES256"), ItApplication.class, TokenResource.class);
    }

    private static final String SHARED_STORE = "jcache-store";

    /** A sound app that shares its tokens through JCache, with no JCache provider in the application. */
    @Deployment(name = SHARED_STORE, managed = false, testable = false)
    static WebArchive sharedStore() {
        return war(SHARED_STORE, Map.of(
                "box.auth.config-file", CONFIG_FILE.toString(),
                "box.auth.store", "jcache",
                "box.auth.store.keys", "k1:" + Base64.getEncoder().encodeToString(new byte[32])),
                ItApplication.class, TokenResource.class);
    }

    @ArquillianResource
    Deployer deployer;

    /**
     * Payara shares through its own Hazelcast; on Liberty, with no provider on the class path, the deployment
     * fails rather than the first request.
     */
    @Test
    void aSharedStore_usesTheServersJCache_orFailsTheDeploymentWhereThereIsNone() {
        if (SERVER.hasJCache()) {
            deployer.deploy(SHARED_STORE);
            deployer.undeploy(SHARED_STORE);
            assertThat(serverLog()).contains("tokens shared through the JCache cache 'box-auth-tokens' of");
        } else {
            deployFailing(deployer, SHARED_STORE);
            assertThat(serverLog()).contains("BOXAUTH-044 box.auth.store: is jcache, but no JCache cache can be had",
                    "box-auth: this deployment fails, its Box configuration has 1 problem: BOXAUTH-044 box.auth.store");
        }
    }

    @Test
    void theDeploymentFails_listingEachProblemWithItsIdPropertyAndFix() {
        deployFailing(deployer, NAME);

        String log = serverLog();
        int start = log.lastIndexOf("The Box auth configuration has 4 problems");
        assertThat(start).as("the default app's problems in messages.log").isNotNegative();
        String problems = log.substring(start);

        assertThat(problems).contains(
                "BOXAUTH-007 box.auth.enterprise-id: must be a numeric Box id",
                "BOXAUTH-011 box.auth.jwt.passphrase: does not decrypt the private key",
                "BOXAUTH-015 box.auth.jwt.algorithm: must be RS256, RS384 or RS512",
                "BOXAUTH-017 box.auth.token-url: uses http off the loopback interface");
        assertThat(log).contains("BOXAUTH-015 box.auth.archive.jwt.algorithm: must be RS256, RS384 or RS512");
        assertThat(log).contains("box-auth: this deployment fails, its Box configuration has 5 problems: BOXAUTH-007"
                + " box.auth.enterprise-id, BOXAUTH-011 box.auth.jwt.passphrase, BOXAUTH-015 box.auth.jwt.algorithm,"
                + " BOXAUTH-017 box.auth.token-url, BOXAUTH-015 box.auth.archive.jwt.algorithm");
        assertThat(log).doesNotContain(WRONG_PASSPHRASE).doesNotContain(CLIENT_SECRET);
    }
}
