package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.check.BoxAuthCheck;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.internal.ProviderFactory;
import dev.boxauth.internal.config.SettingsReader;
import dev.boxauth.internal.keys.PrivateKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the success and failure paths with every logger at its finest level and checks that no secret
 * (client secret, private key, passphrase, assertion, access token) shows in a log record, an exception
 * (message, cause chain, stack trace) or a {@code toString()}.
 */
class SecretsNeverLeakTest {

    private static final String PASSPHRASE = "box-auth-test-only";
    private static final String CLIENT_SECRET = "fixture-client-secret-not-real";
    private static final String WRONG_SECRET = "wrong-secret-that-must-not-show";

    /** Log records arrive from the HTTP client's and the refresh threads too, also while the test reads the list. */
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            seen.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Map<String, Level> previousLevels = new HashMap<>();
    private BoxEmulator box;
    private String json;

    @BeforeEach
    void captureEverything() throws Exception {
        for (String name : new String[] {"", "dev.boxauth", "org.jose4j"}) {
            Logger logger = Logger.getLogger(name);
            previousLevels.put(name, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);

        json = Files.readString(Path.of(getClass().getResource("/keys/console-config.json").toURI()));
        String pem = Files.readString(Path.of(getClass().getResource("/keys/console-pbkdf2-sha1-des3.pem").toURI()));
        secrets.addAll(List.of(PASSPHRASE, CLIENT_SECRET, WRONG_SECRET));
        pem.lines().filter(line -> !line.startsWith("-----") && line.length() > 20).forEach(secrets::add);
        String unencrypted = Files.readString(Path.of(getClass().getResource("/keys/pkcs8-unencrypted.pem").toURI()));
        unencrypted.lines().filter(line -> !line.startsWith("-----") && line.length() > 20).forEach(secrets::add);

        box = BoxEmulator.start();
        box.registerJwtApp("fixture-client-id-not-real", CLIENT_SECRET, "12345678", "fixture-key-id",
                PrivateKeys.publicKeyOf(PrivateKeys.read(unencrypted, null)));
    }

    @AfterEach
    void restore() {
        Logger.getLogger("").removeHandler(capture);
        previousLevels.forEach((name, level) -> Logger.getLogger(name).setLevel(level));
        box.close();
    }

    private Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("box.auth.config", json);
        p.put("box.auth.token-url", box.tokenUrl());
        p.put("box.auth.api-url", box.apiUrl());
        return p;
    }

    private void record(Object o) {
        seen.add(String.valueOf(o));
    }

    private void record(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        seen.add(t.toString());
        seen.add(trace.toString());
    }

    private void attempt(Runnable scenario) {
        try {
            scenario.run();
        } catch (RuntimeException e) {
            record(e);
        }
    }

    @Test
    void noSecretShowsInLogsExceptionsOrToString() {
        // Success, skew correction, rate limit and server errors, a revoked token and its 401.
        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-300));
        try (BoxTokenProvider provider = ProviderFactory.create(SettingsReader.read(properties()),
                new ProviderFactory.Options(skewed, null, null, null, d -> { }))) {
            box.rateLimitNextTokenRequests(1, "0");
            box.failNextTokenRequests(1, 503);
            BoxAccessToken token = provider.token();
            secrets.add(token.value());
            record(token);
            record(provider);
            record(SettingsReader.read(properties()));
            box.revokeAccessTokens();
            record(BoxAuthCheck.whoAmI(provider, URI.create(box.apiUrl()), null));
            secrets.add(provider.accessToken());
        }
        assertThat(box.tokenRequests()).isGreaterThanOrEqualTo(4);

        // Box refuses: a wrong client secret.
        Map<String, String> wrongSecret = properties();
        wrongSecret.put("box.auth.client-secret", WRONG_SECRET);
        attempt(() -> {
            try (BoxTokenProvider provider = BoxAuth.fromProperties(wrongSecret)) {
                provider.accessToken();
            }
        });

        // Configuration errors: wrong passphrase, a secret inside malformed JSON, a key that is not PEM.
        attempt(() -> BoxAuth.fromProperties(Map.of("box.auth.config", json.replace(PASSPHRASE, WRONG_SECRET))));
        attempt(() -> BoxAuth.fromProperties(Map.of("box.auth.config", json.replace("}", ","))));
        attempt(() -> BoxAuth.fromProperties(Map.of("box.auth.client-id", "c", "box.auth.client-secret",
                CLIENT_SECRET, "box.auth.jwt.private-key", WRONG_SECRET, "box.auth.enterprise-id", "1",
                "box.auth.jwt.key-id", "k")));

        // The check program prints to its streams.
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(printed, true, StandardCharsets.UTF_8);
        assertThat(BoxAuthCheck.run(properties(), stream, stream)).isZero();
        seen.add(printed.toString(StandardCharsets.UTF_8));

        assertThat(String.join("\n", seen)).contains("BOXAUTH-011", "invalid_client", "BOXAUTH-004", "BOXAUTH-009");
        assertNoSecretSeen();
    }

    private void assertNoSecretSeen() {
        assertThat(seen).as("captured text").isNotEmpty();
        for (String text : seen) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
            // A JWT (the assertion) starts with base64url of '{"': eyJ.
            assertThat(text).doesNotContain("eyJ");
        }
    }

    @Test
    void noClientCredentialsSecretShows_whateverBoxAnswers() {
        String ccgSecret = "fixture-ccg-secret-not-real";
        secrets.add(ccgSecret);
        Map<String, String> ccg = new HashMap<>();
        ccg.put("box.auth.client-id", "fixture-ccg-client-not-real");
        ccg.put("box.auth.client-secret", ccgSecret);
        ccg.put("box.auth.enterprise-id", "12345678");
        ccg.put("box.auth.token-url", box.tokenUrl());
        ccg.put("box.auth.revoke-url", box.baseUrl() + "/oauth2/revoke");
        ccg.put("box.auth.api-url", box.apiUrl());
        ccg.put("box.auth.revoke-on-shutdown", "true");

        // Whatever the emulator makes of the grant (it refuses it until it knows Client Credentials apps).
        BoxTokenProvider provider = BoxAuth.fromProperties(ccg);
        record(provider);
        record(SettingsReader.read(ccg));
        attempt(() -> secrets.add(provider.accessToken()));
        attempt(() -> secrets.add(provider.forUser("20000000001").accessToken()));
        attempt(() -> record(provider.downscope(Downscope.to("item_preview"))));
        attempt(provider::revoke);
        provider.close();

        // Configuration errors: the method, the secret next to a JWT key, a missing subject.
        Map<String, String> conflicting = new HashMap<>(ccg);
        conflicting.put("box.auth.method", "ccg");
        conflicting.put("box.auth.config", json);
        attempt(() -> BoxAuth.fromProperties(conflicting));
        Map<String, String> noSubject = new HashMap<>(ccg);
        noSubject.remove("box.auth.enterprise-id");
        attempt(() -> BoxAuth.fromProperties(noSubject));

        assertThat(String.join("\n", seen)).contains("Client Credentials Grant", "BOXAUTH-023", "BOXAUTH-006");
        assertNoSecretSeen();
    }

    @Test
    void noDeveloperTokenShows_whileItWorks_norOnceTheApiRejectsIt() {
        String developerToken;
        try (BoxTokenProvider jwt = BoxAuth.fromProperties(properties())) {
            developerToken = jwt.accessToken();
        }
        secrets.add(developerToken);
        Map<String, String> p = Map.of("box.auth.developer-token", developerToken, "box.auth.token-url",
                box.tokenUrl(), "box.auth.api-url", box.apiUrl());

        try (BoxTokenProvider provider = BoxAuth.fromProperties(p)) {
            record(provider);
            record(provider.token());
            record(SettingsReader.read(p));
            record(BoxAuthCheck.whoAmI(provider, URI.create(box.apiUrl()), null));
            attempt(() -> record(provider.downscope(Downscope.to("item_preview"))));
            attempt(() -> provider.forUser("1"));
            attempt(provider::revoke);
            box.revokeAccessTokens();
            attempt(() -> BoxAuthCheck.whoAmI(provider, URI.create(box.apiUrl()), null));
            attempt(provider::accessToken);
        }
        Map<String, String> withSubject = new HashMap<>(p);
        withSubject.put("box.auth.user-id", "1");
        attempt(() -> BoxAuth.fromProperties(withSubject));
        Map<String, String> withJwt = new HashMap<>(p);
        withJwt.put("box.auth.config", json);
        attempt(() -> BoxAuth.fromProperties(withJwt));

        assertThat(String.join("\n", seen)).contains("Generate Developer Token", "BOXAUTH-023", "BOXAUTH-022");
        assertNoSecretSeen();
    }
}
