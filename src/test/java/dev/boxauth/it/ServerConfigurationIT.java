package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.it.app.BoxUsersApi;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.MeResource;
import dev.boxauth.it.app.TokenResource;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configuration from the server rather than the application, on a server of its own (pom.xml, failsafe
 * executions "server-config"): the environment holds {@code BOX_AUTH_CONFIG} (the whole Developer
 * Console JSON) and {@code BOX_AUTH_TOKEN_URL}; server.xml {@code <variable>}s (Liberty) or system
 * properties (Payara) hold the API URLs. The application itself carries no configuration.
 *
 * <p>On Payara the JSON holds a wrong client secret and a wrong key passphrase: the right ones come only
 * from Payara password aliases, which this test puts in the alias store of the Micro's root directory
 * (system property {@code payara.alias.store}) before the Micro starts, and which the environment
 * ({@code BOX_AUTH_CLIENT_SECRET=${ALIAS=box-client-secret}}) and a system property
 * ({@code box.auth.jwt.passphrase=${ALIAS=box-key-passphrase}}) name.
 */
@ExtendWith(ArquillianExtension.class)
class ServerConfigurationIT extends ServerIT {

    private static BoxEmulator box;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        box = emulatorWithFixtureApp(Integer.getInteger("it.emulator.port"));
        String aliasStore = System.getProperty("payara.alias.store");
        if (aliasStore != null) {
            writePayaraPasswordAliases(Path.of(aliasStore),
                    Map.of("box-client-secret", CLIENT_SECRET, "box-key-passphrase", PASSPHRASE));
        }
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

    /**
     * The store Payara's {@code create-password-alias} writes (JCEKS under the master password, "changeit"
     * unless changed), written the way {@code keytool -importpass} does: Payara Micro refuses that command's
     * password in a boot command file, so a Micro takes its aliases from a store in its root directory.
     */
    private static void writePayaraPasswordAliases(Path file, Map<String, String> aliases) throws Exception {
        KeyStore store = KeyStore.getInstance("JCEKS");
        store.load(null, null);
        char[] masterPassword = "changeit".toCharArray();
        SecretKeyFactory pbe = SecretKeyFactory.getInstance("PBE");
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            store.setEntry(alias.getKey(),
                    new KeyStore.SecretKeyEntry(pbe.generateSecret(new PBEKeySpec(alias.getValue().toCharArray()))),
                    new KeyStore.PasswordProtection(masterPassword));
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, masterPassword);
        }
    }
}
