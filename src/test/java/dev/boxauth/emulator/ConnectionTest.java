package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The emulator over real connections: keep-alive and HTTPS. */
class ConnectionTest {

    @Test
    void severalRequestsFromOneHttpClient_shareOneKeptAliveConnection() {
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.registerJwtApp("clientid0000000000000000000000001", "secret-1", "111222333",
                    "kid00001", TestKeys.APP.getPublic());
            TokenClient client = new TokenClient(box, HttpClient.newHttpClient());

            String token = client.token(app, TestAssertion.enterprise(app, Instant.now()));
            client.usersMe("Bearer " + token);
            client.token(app, TestAssertion.enterprise(app, Instant.now()));
            client.usersMe("Bearer wrong");
            client.usersMe("Bearer " + token);

            assertThat(box.tokenRequests() + box.apiRequests()).isEqualTo(5);
            assertThat(box.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void https_worksWithTheEmulatorsSslContext() {
        try (BoxEmulator box = BoxEmulator.startHttps()) {
            JwtApp app = box.registerJwtApp("clientid0000000000000000000000001", "secret-1", "111222333",
                    "kid00001", TestKeys.APP.getPublic());
            TokenClient client = new TokenClient(box,
                    HttpClient.newBuilder().sslContext(BoxEmulator.clientSslContext()).build());

            assertThat(box.baseUrl().toString()).startsWith("https://127.0.0.1:");
            String token = client.token(app, TestAssertion.enterprise(app, Instant.now()));
            assertThat(client.usersMe("Bearer " + token).statusCode()).isEqualTo(200);
            assertThat(box.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void https_isRefusedByAClientWithTheDefaultTrustStore() {
        try (BoxEmulator box = BoxEmulator.startHttps()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(box.apiUrl() + "/users/me")).build();

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(box.apiRequests()).isZero();
        }
    }

    @Test
    void close_refusesNewConnections() throws Exception {
        BoxEmulator box = BoxEmulator.start();
        HttpRequest request = HttpRequest.newBuilder(URI.create(box.apiUrl() + "/users/me")).build();
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        box.close();
        box.close();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void start_onAGivenPort_servesThere() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (BoxEmulator box = BoxEmulator.start(port)) {
            assertThat(box.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + port));
            assertThat(box.tokenUrl()).isEqualTo("http://127.0.0.1:" + port + "/oauth2/token");
        }
    }
}
