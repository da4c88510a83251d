package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.check.BoxAuthCheck;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.internal.ProviderFactory;
import dev.boxauth.internal.config.SettingsReader;
import dev.boxauth.internal.keys.PrivateKeys;
import dev.boxauth.internal.Secret;
import dev.boxauth.internal.grant.TokenExchangeGrant;
import dev.boxauth.internal.http.TokenHttpResponse;
import dev.boxauth.internal.oauth.ApiEndpoint;
import dev.boxauth.internal.token.TokenResponse;
import dev.boxauth.jaxrs.BoxAuthFilter;
import dev.boxauth.oauth.BoxOAuthConfig;
import dev.boxauth.oauth.SignIn;
import dev.boxauth.oauth.StoredTokens;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** A shared link counts as a secret: like a token, it opens what it points to to whoever holds it. */
    @Test
    void everyTypeHoldingATokenOrSecret_showsNoneOfItInToString() throws Exception {
        String mark = "MARK-of-a-secret-0123456789";
        Map<String, String> withSecret = properties();
        withSecret.put("box.auth.client-secret", mark);
        Downscope onSharedLink = Downscope.to("item_preview").onSharedLink("https://app.box.com/s/" + mark);

        Map<String, Object> requestProperties = new HashMap<>();
        ClientRequestContext request = (ClientRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ClientRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> requestProperties.get((String) args[0]);
                    case "setProperty" -> requestProperties.put((String) args[0], args[1]);
                    case "getHeaders" -> new MultivaluedHashMap<String, Object>();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        try (BoxTokenProvider developer = BoxAuth.fromProperties(Map.of("box.auth.developer-token", mark))) {
            new BoxAuthFilter(developer).filter(request);
        }
        assertThat(requestProperties).as("what BoxAuthFilter leaves on the request").isNotEmpty();

        Map<String, Object> holders = new LinkedHashMap<>();
        holders.put("Secret", new Secret(mark));
        holders.put("BoxAccessToken", new BoxAccessToken(mark, Instant.EPOCH));
        holders.put("StoredTokens", new StoredTokens(mark, Instant.EPOCH, mark));
        holders.put("SignIn", new SignIn(URI.create("https://account.box.com/api/oauth2/authorize?state=" + mark), mark));
        holders.put("TokenHttpResponse", new TokenHttpResponse(200, "{\"access_token\":\"" + mark + "\"}",
                "Thu, 01 Jan 1970 00:00:00 GMT", null));
        holders.put("TokenResponse", new TokenResponse(new BoxAccessToken(mark, Instant.EPOCH), mark, List.of(), null));
        holders.put("ApiResponse", new ApiEndpoint.ApiResponse(200, "{\"id\":\"" + mark + "\"}"));
        holders.put("Settings", SettingsReader.read(withSecret));
        holders.put("JwtSettings", SettingsReader.read(withSecret).jwt());
        Map<String, String> fromFile = new HashMap<>(withSecret);
        fromFile.remove("box.auth.config");
        fromFile.put("box.auth.config-file", Path.of(getClass().getResource("/keys/console-config.json").toURI())
                .toString());
        holders.put("ConfigFiles", SettingsReader.read(fromFile).files());
        holders.put("BoxOAuthConfig", BoxOAuthConfig.builder().clientId("c").clientSecret(mark)
                .redirectUri("https://app.example.com/box/oauth/callback").build());
        holders.put("Downscope", onSharedLink);
        holders.put("TokenExchangeGrant", new TokenExchangeGrant(mark, onSharedLink, "enterprise 1"));
        holders.put("BoxAuthFilter's request property", requestProperties);

        secrets.add(mark);
        List<String> showingASecret = holders.entrySet().stream()
                .filter(holder -> secrets.stream().anyMatch(String.valueOf(holder.getValue())::contains))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(showingASecret).isEmpty();
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
