package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.demo.web.BoxUsers;
import dev.boxauth.demo.web.DemoApplication;
import dev.boxauth.demo.web.DemoConfigSource;
import dev.boxauth.demo.web.DemoResource;
import dev.boxauth.demo.web.DemoShutdown;
import dev.boxauth.demo.web.WebApp;
import dev.boxauth.demo.web.WebUsers;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.testing.ForkedJava;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the integration tests share, on whichever server they run ({@link TestServer}): the committed
 * fixture app (its JSON config file is what the server reads), an emulator that knows that app, WARs that
 * hold the library as a jar in WEB-INF/lib as users deploy it, and the server's log files. Public for the
 * benchmarks (src/bench), which time the deployment of such WARs.
 */
public abstract class ServerIT {

    static final TestServer SERVER = TestServer.current();

    static final Path CONFIG_FILE = Path.of("src/test/resources/keys/console-config.json").toAbsolutePath();
    static final String CLIENT_SECRET = "fixture-client-secret-not-real";
    static final String PASSPHRASE = "box-auth-test-only";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An emulator on a free port (0) or a given one, with the fixture app registered. */
    static BoxEmulator emulatorWithFixtureApp(int port) {
        BoxEmulator box = BoxEmulator.start(port);
        registerFixtureApp(box);
        return box;
    }

    /** Registers the fixture app (the one console-config.json describes) with {@code box}. */
    static JwtApp registerFixtureApp(BoxEmulator box) {
        return box.registerJwtApp("fixture-client-id-not-real", CLIENT_SECRET, "12345678", "fixture-key-id",
                fixturePublicKey());
    }

    /** The configuration a deployment needs to reach {@code box} with the fixture app. */
    static Map<String, String> configFor(BoxEmulator box) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("box.auth.config-file", CONFIG_FILE.toString());
        config.put("box.auth.token-url", box.tokenUrl());
        config.put("box.auth.api-url", box.apiUrl());
        config.put("box-api/mp-rest/url", box.apiUrl());
        return config;
    }

    /**
     * A WAR with the library jar and its runtime dependencies in WEB-INF/lib, the given classes, and the
     * given configuration as microprofile-config.properties. Its ordinal, 600, puts it above the
     * server's variables (500) and environment (300), so each test sees only its own configuration.
     */
    public static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war").addClasses(classes);
        war.addAsLibraries(libraryJars().stream().map(Path::toFile).toArray(java.io.File[]::new));
        if (!config.isEmpty()) {
            String properties = "config_ordinal=600\n" + config.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                    .collect(Collectors.joining("\n"));
            war.addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
        }
        return war;
    }

    /**
     * The demo application as `mvn -Pdemo package` serves it (its own config source, which starts the embedded
     * emulator unless a Box app is configured), with {@code config} in its microprofile-config.properties.
     */
    static WebArchive demoWar(String name, Map<String, String> config) {
        return war(name, config, DemoApplication.class, DemoResource.class, BoxUsers.class, WebUsers.class,
                WebApp.class, DemoConfigSource.class, DemoShutdown.class)
                .addAsServiceProvider(ConfigSource.class, DemoConfigSource.class)
                .addAsLibrary(new java.io.File(System.getProperty("boxauth.emulator.jar")));
    }

    /** The packaged library (failsafe runs after package) and the jars it needs at run time. */
    private static List<Path> libraryJars() {
        List<Path> jars = new ArrayList<>();
        jars.add(Path.of(System.getProperty("boxauth.jar")));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (ForkedJava.RUNTIME_JARS.stream().anyMatch(file::startsWith)) {
                jars.add(Path.of(entry));
            }
        }
        return jars;
    }

    public static HttpResponse<String> get(URL base, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's messages log (Liberty's messages.log, the Micro's log file): what an operator reads. */
    static String serverLog() {
        return SERVER.messages();
    }

    /**
     * The URL the browser tests use for the server's HTTP port on this machine, from the port failsafe
     * reserved for the server (the server is not started yet when a deployment is built).
     */
    static String localUrl(String path) {
        return "http://localhost:" + SERVER.httpPort() + path;
    }

    /**
     * Deploys {@code name}, an unmanaged deployment whose CDI validation must fail, and checks that the
     * application is not there for its users: nothing answers at its context root. How the servers report
     * it differs ({@link TestServer#assertDeploymentFailed}); the test then reads the server's log.
     */
    static void deployFailing(Deployer deployer, String name) {
        Exception thrown = null;
        try {
            deployer.deploy(name);
        } catch (Exception e) { // Arquillian's DeploymentException, checked but thrown undeclared
            thrown = e;
        }
        try {
            SERVER.assertDeploymentFailed(thrown);
            assertThat(get(applicationUrl(name), "api/token").statusCode()).as("what the failed application serves")
                    .isEqualTo(404);
        } finally {
            SERVER.afterFailedDeployment(deployer, name);
        }
    }

    /** Where the server serves the application {@code name} (its archive's name, the context root). */
    static URL applicationUrl(String name) {
        return serverUrl("/" + name + "/");
    }

    /** {@code path} on the server, such as {@code /} for its root, where MicroProfile Health serves {@code /health}. */
    static URL serverUrl(String path) {
        try {
            return URI.create(localUrl(path)).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * No log of the server holds a secret of the fixture app or a token the emulator issued. Called once
     * per emulator after a class's tests, it also adds the emulator's token-request count to
     * {@code target/it-token-requests-<server>.tsv}, so that the two servers' counts can be compared.
     */
    static void assertServerLogsHoldNoSecret(BoxEmulator box) {
        recordTokenRequests(StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass(), box);
        assertLogsHoldNoSecret(SERVER.logs(), box, List.of());
    }

    /**
     * No log in {@code logs} (text by name) holds a secret of the fixture app, a token {@code box} issued, a
     * JWT assertion or one of {@code moreSecrets}.
     */
    static void assertLogsHoldNoSecret(Map<String, String> logs, BoxEmulator box, List<String> moreSecrets) {
        List<String> secrets = secrets(box);
        secrets.addAll(moreSecrets);
        logs.forEach((log, text) -> {
            for (String secret : secrets) {
                assertThat(text).as(log).doesNotContain(secret);
            }
            assertThat(text).as(log + " holds no JWT assertion").doesNotContain("eyJ");
        });
    }

    /** The fixture app's client secret, key passphrase and key lines, and every token {@code box} issued so far. */
    static List<String> secrets(BoxEmulator box) {
        List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, PASSPHRASE));
        secrets.addAll(box.issuedAccessTokens());
        secrets.addAll(keyLines("console-pbkdf2-sha1-des3.pem"));
        secrets.addAll(keyLines("genrsa-des3-pbkdf2-sha256.pem"));
        return secrets;
    }

    private static void recordTokenRequests(Class<?> testClass, BoxEmulator box) {
        Path file = Path.of("target", "it-token-requests-" + SERVER.name().toLowerCase(Locale.ROOT) + ".tsv");
        String line = testClass.getSimpleName() + "\t" + box.tokenRequests() + "\n";
        try {
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> keyLines(String fixture) {
        try {
            return Files.readAllLines(Path.of("src/test/resources/keys", fixture)).stream()
                    .filter(line -> !line.startsWith("-----") && line.length() > 20).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PublicKey fixturePublicKey() {
        try {
            String pem = Files.readString(Path.of("src/test/resources/keys/public.pem"));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the fixture public key", e);
        }
    }
}
