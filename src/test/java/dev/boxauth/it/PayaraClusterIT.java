package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.emulator.OAuthApp;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro instances clustered through Payara's own Hazelcast over TCP on loopback, each serving the
 * demo application with {@code box.auth.store=jcache} and nothing else for the cluster: box-auth finds
 * Payara's JCache manager ({@code payara/CacheManager}) itself. One emulator plays Box for both, as Box would
 * for a cluster behind a load balancer, here a {@link RoutingProxy} whose every request the test sends to the
 * instance it chooses: a sign-in started on the first instance completes on the other. Its own failsafe execution (pom.xml, payara-cluster), outside
 * Arquillian, whose adapter starts unclustered Micros.
 */
class PayaraClusterIT extends ServerIT {

    private static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");
    private static final Duration START = Duration.ofMinutes(4);

    private static BoxEmulator box;
    private static List<String> secrets;
    private static PayaraMicroNode first;
    private static PayaraMicroNode second;
    private static RoutingProxy balancer;
    private static int firstHttp;
    private static int secondHttp;

    @BeforeAll
    static void startTheCluster() throws Exception {
        box = BoxEmulator.start();
        JwtApp app = box.createJwtApp();
        firstHttp = PayaraMicroNode.freePort();
        secondHttp = PayaraMicroNode.freePort();
        balancer = RoutingProxy.start();
        String callback = balancer.url() + "demo/box/oauth/callback";
        OAuthApp web = box.createOAuthApp(callback);
        web.signInAs(web.createUser("Grace Hopper"));

        Path dir = Files.createDirectories(Path.of("target", "payara", "cluster").toAbsolutePath());
        Path config = Files.writeString(dir.resolve("box-config.json"), app.configJson());
        byte[] storeKey = new byte[32];
        new SecureRandom().nextBytes(storeKey);
        String storeKeys = "k1:" + Base64.getEncoder().encodeToString(storeKey);
        secrets = List.of(app.clientSecret(), web.clientSecret(), storeKeys.substring(3));
        Properties properties = new Properties();
        properties.setProperty("box.auth.config-file", config.toString());
        properties.setProperty("box.auth.token-url", box.tokenUrl());
        properties.setProperty("box.auth.api-url", box.apiUrl());
        properties.setProperty("box.auth.store", "jcache");
        properties.setProperty("box.auth.store.keys", storeKeys);
        properties.setProperty("box.auth.web.method", "oauth");
        properties.setProperty("box.auth.web.client-id", web.clientId());
        properties.setProperty("box.auth.web.client-secret", web.clientSecret());
        properties.setProperty("box.auth.web.oauth.redirect-uri", callback);
        properties.setProperty("box.auth.web.oauth.trust-forwarded-headers", "true");
        properties.setProperty("box.auth.web.oauth.authorize-url", box.authorizeUrl());
        properties.setProperty("box.auth.web.token-url", box.tokenUrl());
        properties.setProperty("box.auth.web.api-url", box.apiUrl());
        properties.setProperty("box.auth.web.revoke-url", box.revokeUrl());
        properties.setProperty("box.auth.web.store", "jcache");
        properties.setProperty("box.auth.web.store.keys", storeKeys);
        Path systemProperties = dir.resolve("system.properties");
        try (var out = Files.newBufferedWriter(systemProperties)) {
            properties.store(out, "both instances");
        }
        Path war = dir.resolve("demo.war");
        demoWar("demo", Map.of()).as(ZipExporter.class).exportTo(war.toFile(), true);

        // One after the other: the second joins the first's cluster rather than both forming their own.
        int firstGrid = PayaraMicroNode.freePort();
        int secondGrid = PayaraMicroNode.freePort();
        String cluster = "box-auth-it-" + UUID.randomUUID();
        first = PayaraMicroNode.start("first", firstHttp, firstGrid, List.of(firstGrid, secondGrid), cluster, war,
                systemProperties);
        first.awaitServing(first.url("demo") + "me", START);
        second = PayaraMicroNode.start("second", secondHttp, secondGrid, List.of(firstGrid, secondGrid), cluster, war,
                systemProperties);
        second.awaitServing(second.url("demo") + "me", START);
        assertThat(second.log()).as("the second instance joined the first's data grid")
                .contains("127.0.0.1:" + firstGrid, "127.0.0.1:" + secondGrid);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            for (PayaraMicroNode node : new PayaraMicroNode[] {second, first}) {
                if (node != null) {
                    node.stop();
                    List<String> shown = new ArrayList<>(secrets);
                    shown.addAll(box.issuedAccessTokens());
                    shown.addAll(box.issuedRefreshTokens());
                    assertThat(node.log()).doesNotContain(shown).doesNotContain("eyJ");
                }
            }
        } finally {
            balancer.close();
            box.close();
        }
    }

    /** A browser: its own cookies (which, being for localhost, both instances get); redirects followed by hand. */
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> go(String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no redirect, HTTP " + response.statusCode() + ": " + response.body()));
    }

    /** The demo page of {@code node}, asked again after a 502 (the request whose token Box had revoked). */
    private HttpResponse<String> page(PayaraMicroNode node) throws IOException, InterruptedException {
        HttpResponse<String> page = go(node.url("demo"));
        return page.statusCode() == 502 ? go(node.url("demo")) : page;
    }

    @Test
    void theAppsToken_isRequestedOnceForThePair_andOnceMoreAfterBoxRevokesIt() throws Exception {
        assertThat(page(first).body()).contains("Box says this app is");
        assertThat(page(second).body()).contains("Box says this app is");
        assertThat(box.tokenRequests(JWT_GRANT)).as("token requests for both instances' first use").isEqualTo(1);

        box.revokeAccessTokens();

        assertThat(page(first).statusCode()).isEqualTo(200);
        assertThat(page(second).statusCode()).isEqualTo(200);
        assertThat(box.tokenRequests(JWT_GRANT)).as("token requests after Box revoked the shared token").isEqualTo(2);
    }

    /** A request through the load balancer, which sends it to the instance listening on {@code port}. */
    private HttpResponse<String> via(int port, String url) throws IOException, InterruptedException {
        balancer.routeTo(port);
        return go(url);
    }

    @Test
    void aSignInStartedOnOneInstance_completesOnTheOther_isSignedInOnBoth_andASignOutOnOneIsSeenByBoth()
            throws Exception {
        int exchanges = box.tokenRequests("authorization_code");
        String demo = balancer.url() + "demo/";
        String signInPath = extract(via(firstHttp, demo).body(), "id=\"sign-in\" href=\"([^\"]+)\"");
        HttpResponse<String> signIn = via(firstHttp, URI.create(demo).resolve(signInPath).toString());
        String authorize = location(signIn);
        assertThat(authorize).as("the first instance starts the sign-in at Box").startsWith(box.authorizeUrl())
                .contains("redirect_uri=" + URLEncoder.encode(demo + "box/oauth/callback", StandardCharsets.UTF_8));

        Matcher id = REQUEST_ID.matcher(go(authorize).body());
        assertThat(id.find()).as("the consent form").isTrue();
        String callback = location(post(box.authorizeUrl(),
                "request_id=" + URLEncoder.encode(id.group(1), StandardCharsets.UTF_8) + "&consent=grant"));
        HttpResponse<String> back = via(secondHttp, callback);
        assertThat(back.statusCode()).as("the second instance's callback: %s", back.body()).isEqualTo(303);

        assertThat(via(firstHttp, demo).body()).contains("You signed in as <b>Grace Hopper</b>");
        assertThat(via(secondHttp, demo).body()).contains("You signed in as <b>Grace Hopper</b>");
        assertThat(box.tokenRequests("authorization_code")).isEqualTo(exchanges + 1);

        balancer.routeTo(firstHttp);
        assertThat(post(demo + "sign-out", "").statusCode()).isEqualTo(303);

        assertThat(via(secondHttp, demo).body()).contains("Sign in with Box").doesNotContain("You signed in as");
        assertThat(via(firstHttp, demo).body()).contains("Sign in with Box").doesNotContain("You signed in as");
    }

    private static String extract(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }
}
