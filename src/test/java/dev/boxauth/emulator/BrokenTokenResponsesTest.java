package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/**
 * The knobs that break token responses the way a failing network or proxy would, seen from raw sockets, so
 * that every byte on the wire is visible. Every wait is bounded; nothing sleeps.
 */
class BrokenTokenResponsesTest extends EmulatorWithApp {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\nContent-Length: (\\d+)\r\n");

    /** A connection that has sent one valid JWT token request. */
    private Socket postTokenRequest() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), box.baseUrl().getPort());
        socket.setSoTimeout((int) BOUND.toMillis());
        String form = TokenClient.jwtForm(app, TestAssertion.enterprise(app, Instant.now()).compact()).entrySet()
                .stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "&" + b).orElseThrow();
        String request = "POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n"
                + form;
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The status line and header fields, up to the empty line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Closed in the head: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static long contentLength(String head) {
        Matcher matcher = CONTENT_LENGTH.matcher(head);
        assertThat(matcher.find()).as(head).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private void assertAnswersNormallyAgain() {
        assertThat(client.requestToken(app, TestAssertion.enterprise(app, Instant.now())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void stallNextTokenResponses_sendsTheHeadThenNoBodyUntilCleared_thenClosesTheConnection() throws Exception {
        box.stallNextTokenResponses(1);

        try (Socket socket = postTokenRequest()) {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Type: application/json\r\n")
                    .contains("Connection: close\r\n");
            assertThat(contentLength(head)).isPositive();
            assertThat(box.awaitHeldTokenRequests(1, BOUND)).isTrue();

            box.clearFaults();

            assertThat(in.readAllBytes()).as("no byte of the body, then the end").isEmpty();
        }
        assertThat(box.errors()).isEqualTo(Map.of("stalled_body", 1));
        assertThat(box.tokensIssued()).isZero();
        assertAnswersNormallyAgain();
    }

    @Test
    void stallNextTokenResponses_keepsAJavaNetHttpClientWaitingForTheBody_untilCleared() throws Exception {
        box.stallNextTokenResponses(1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(box.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();

        CompletableFuture<HttpResponse<String>> response =
                HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
        assertThat(box.awaitHeldTokenRequests(1, BOUND)).isTrue();
        assertThat(response).as("the head came, the body does not").isNotDone();

        box.clearFaults();

        assertThatThrownBy(() -> response.get(BOUND.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void ignoreNextTokenRequests_sendsNothingUntilCleared_thenClosesTheConnection() throws Exception {
        box.ignoreNextTokenRequests(1);

        try (Socket socket = postTokenRequest()) {
            assertThat(box.awaitHeldTokenRequests(1, BOUND)).isTrue();

            box.clearFaults();

            assertThat(socket.getInputStream().readAllBytes()).as("not one byte, then the end").isEmpty();
        }
        assertThat(box.errors()).isEqualTo(Map.of("no_answer", 1));
        assertAnswersNormallyAgain();
    }

    @Test
    void awaitHeldTokenRequests_returnsFalseWhenNoneIsHeld() throws Exception {
        assertThat(box.awaitHeldTokenRequests(1, Duration.ZERO)).isFalse();
    }

    @Test
    void malformNextTokenResponses_answers200WithAFramedBodyThatIsNotJson() {
        box.malformNextTokenResponses(1);

        HttpResponse<String> response = client.requestToken(app, TestAssertion.enterprise(app, Instant.now()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).startsWith("{\"access_token\":\"");
        assertThatThrownBy(() -> JsonUtil.parseJson(response.body())).isInstanceOf(JoseException.class);
        assertThat(box.errors()).isEqualTo(Map.of("malformed_json", 1));
        assertAnswersNormallyAgain();
    }

    @Test
    void truncateNextTokenResponses_sendsFewerBytesThanAnnounced_thenCloses() throws Exception {
        box.truncateNextTokenResponses(1);

        try (Socket socket = postTokenRequest()) {
            InputStream in = socket.getInputStream();
            long announced = contentLength(readHead(in));
            byte[] sent = in.readAllBytes();

            assertThat(sent.length).isPositive().isLessThan((int) announced);
            assertThat(new String(sent, StandardCharsets.UTF_8)).startsWith("{\"access_token\":\"");
        }
        assertThat(box.errors()).isEqualTo(Map.of("truncated_body", 1));
        assertAnswersNormallyAgain();
    }

    @Test
    void truncateNextTokenResponses_failsAClientReadingTheBody() {
        box.truncateNextTokenResponses(1);

        assertThatThrownBy(() -> client.requestToken(app, TestAssertion.enterprise(app, Instant.now())))
                .hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void oversizeNextTokenResponses_streamsAValidJsonObjectOfExactlyTheGivenSize() throws Exception {
        long tenMegabytes = 10L * 1024 * 1024;
        box.oversizeNextTokenResponses(1, tenMegabytes);

        try (Socket socket = postTokenRequest()) {
            InputStream in = socket.getInputStream();
            assertThat(contentLength(readHead(in))).isEqualTo(tenMegabytes);
            byte[] start = in.readNBytes(17);
            long rest = 0;
            byte[] buffer = new byte[65536];
            byte[] last = new byte[2];
            for (int n; (n = in.read(buffer)) > 0; rest += n) {
                if (n >= 2) {
                    System.arraycopy(buffer, n - 2, last, 0, 2);
                } else {
                    last = new byte[] {last[1], buffer[0]};
                }
            }

            assertThat(new String(start, StandardCharsets.US_ASCII)).isEqualTo("{\"access_token\":\"");
            assertThat(17 + rest).isEqualTo(tenMegabytes);
            assertThat(new String(last, StandardCharsets.US_ASCII)).isEqualTo("\"}");
        }
        assertThat(box.errors()).isEqualTo(Map.of("oversized_body", 1));
        assertAnswersNormallyAgain();
    }

    @Test
    void oversizeNextTokenResponses_ofASmallSize_isParseableJson() throws Exception {
        box.oversizeNextTokenResponses(1, 300);

        HttpResponse<String> response = client.requestToken(app, TestAssertion.enterprise(app, Instant.now()));

        assertThat(response.body()).hasSize(300);
        assertThat(JsonUtil.parseJson(response.body())).containsKeys("access_token", "expires_in", "padding");
    }

    @Test
    void oversizeNextTokenResponses_refusesASizeTooSmallForATokenObject() {
        assertThatThrownBy(() -> box.oversizeNextTokenResponses(1, 127)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.stallNextTokenResponses(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brokenResponses_comeInTheOrderTheyWereAdded_withTheOtherScriptedFailures() {
        box.malformNextTokenResponses(1);
        box.failNextTokenRequests(1, 502);
        box.oversizeNextTokenResponses(1, 200);

        assertThat(requestToken().body()).doesNotEndWith("}");
        assertThat(requestToken().statusCode()).isEqualTo(502);
        assertThat(requestToken().body()).hasSize(200);
        assertThat(requestToken().statusCode()).isEqualTo(200);
    }

    @Test
    void untilCleared_breaksEveryResponse_untilClearFaults() {
        box.malformNextTokenResponses(BoxEmulator.UNTIL_CLEARED);

        for (int i = 0; i < 3; i++) {
            assertThat(requestToken().body()).doesNotEndWith("}");
        }
        box.clearFaults();

        assertThat(requestToken().statusCode()).isEqualTo(200);
        assertThat(box.errors()).isEqualTo(Map.of("malformed_json", 3));
    }

    @Test
    void close_releasesHeldConnectionsPromptly() throws Exception {
        BoxEmulator other = BoxEmulator.start();
        other.registerJwtApp(app.clientId(), app.clientSecret(), app.enterpriseId(), app.keyId(),
                TestKeys.APP.getPublic());
        other.stallNextTokenResponses(1);
        other.ignoreNextTokenRequests(BoxEmulator.UNTIL_CLEARED);
        BoxEmulator held = box;
        box = other;
        try (Socket stalled = postTokenRequest()) {
            // One at a time: the faults go to requests in the order they reach the endpoint.
            assertThat(other.awaitHeldTokenRequests(1, BOUND)).isTrue();
            try (Socket ignored = postTokenRequest()) {
                assertThat(other.awaitHeldTokenRequests(2, BOUND)).isTrue();

                assertTimeoutPreemptively(Duration.ofSeconds(2), other::close);

                readHead(stalled.getInputStream());
                assertThat(stalled.getInputStream().readAllBytes()).isEmpty();
                assertThat(ignored.getInputStream().readAllBytes()).isEmpty();
            }
        } finally {
            box = held;
            other.close();
        }
    }

    private HttpResponse<String> requestToken() {
        return client.requestToken(app, TestAssertion.enterprise(app, Instant.now()));
    }
}
