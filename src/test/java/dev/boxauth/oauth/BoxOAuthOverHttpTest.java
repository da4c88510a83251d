package dev.boxauth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.boxauth.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BoxOAuth#create} wired to real HTTP on loopback: what goes over the wire for the code exchange,
 * {@code users/me}, a refresh and a revoke. Box's behaviour is the fake's business; this checks the requests.
 */
class BoxOAuthOverHttpTest {

    private record Seen(String method, String path, String contentType, String authorization, String body) {
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String base;
    private volatile int issued;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            record(exchange);
            int n = ++issued;
            respond(exchange, 200, "{\"access_token\":\"at-" + n + "\",\"expires_in\":3600,\"token_type\":\"bearer\","
                    + "\"restricted_to\":[],\"refresh_token\":\"rt-" + n + "\"}");
        });
        server.createContext("/oauth2/revoke", exchange -> {
            record(exchange);
            respond(exchange, 200, "");
        });
        server.createContext("/2.0/users/me", exchange -> {
            record(exchange);
            respond(exchange, 200, "{\"type\":\"user\",\"id\":\"777\",\"name\":\"Ada\",\"login\":\"ada@example.com\"}");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void signInUseAndSignOut_sendTheRightRequests() {
        BoxOAuthConfig config = BoxOAuthConfig.builder()
                .clientId("cid")
                .clientSecret("s3cret&=")
                .redirectUri("http://localhost:8080/box/callback")
                .authorizeUrl(base + "/authorize")
                .tokenUrl(base + "/oauth2/token")
                .apiUrl(base + "/2.0/")
                .revokeUrl(base + "/oauth2/revoke")
                .clock(clock)
                .executor(Runnable::run)
                .build();
        InMemoryBoxTokenStore store = new InMemoryBoxTokenStore();
        try (BoxOAuth oauth = BoxOAuth.create(config, store)) {
            SignIn signIn = oauth.startSignIn();
            assertThat(signIn.authorizeUrl().toString()).startsWith(base + "/authorize?response_type=code&client_id=cid"
                    + "&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fbox%2Fcallback&state=");

            SignedIn user = oauth.completeSignIn("the code", signIn.state());

            assertThat(user).isEqualTo(new SignedIn("777", "Ada", "ada@example.com"));
            assertThat(oauth.forUser("777").accessToken()).isEqualTo("at-1");
            clock.advance(Duration.ofHours(1));
            assertThat(oauth.forUser("777").accessToken()).isEqualTo("at-2");
            oauth.signOut("777");
        }

        assertThat(seen).containsExactly(
                new Seen("POST", "/oauth2/token", "application/x-www-form-urlencoded", null,
                        "grant_type=authorization_code&code=the+code&client_id=cid&client_secret=s3cret%26%3D"
                                + "&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fbox%2Fcallback"),
                new Seen("GET", "/2.0/users/me", null, "Bearer at-1", ""),
                new Seen("POST", "/oauth2/token", "application/x-www-form-urlencoded", null,
                        "grant_type=refresh_token&refresh_token=rt-1&client_id=cid&client_secret=s3cret%26%3D"),
                new Seen("POST", "/oauth2/revoke", "application/x-www-form-urlencoded", null,
                        "client_id=cid&client_secret=s3cret%26%3D&token=rt-2"));
        assertThat(store.size()).isZero();
    }

    private void record(HttpExchange exchange) throws IOException {
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // No kept-alive connection outlives the test: its client's threads would stay busy with it.
        exchange.getResponseHeaders().add("Connection", "close");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
