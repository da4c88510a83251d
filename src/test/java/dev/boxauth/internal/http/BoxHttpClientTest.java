package dev.boxauth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.internal.http.RawHttpServer.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bounds of every exchange with Box, over real loopback HTTP. Each test would hang without its bound,
 * so each has a generous JUnit timeout that turns a hang into a failure; none asserts wall-clock times.
 */
@Timeout(30)
class BoxHttpClientTest {

    private static final Duration CONNECT = Duration.ofSeconds(1);
    private static final Duration READ = Duration.ofMillis(300);

    private RawHttpServer server;
    private BoxHttpClient http;

    @AfterEach
    void close() throws Exception {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void send_cancelsAnExchangeWhoseBodyStallsAfterTheHeaders() throws Exception {
        start(n -> n == 1 ? Reply.headersThenStall(200, "{\"access_token\":") : Reply.complete(200, "{}"));

        assertThatThrownBy(() -> http.send(post())).isInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("no complete answer within 1300 ms");
    }

    @Test
    void send_failsAtTheCallersBoundWhenItIsShorterThanTheTimeouts() throws Exception {
        start(n -> Reply.nothing());

        assertThatThrownBy(() -> http.send(post(), Duration.ofMillis(200))).isInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("within 200 ms");
    }

    @Test
    void send_worksAgainAfterAnExchangeWasCancelled() throws Exception {
        start(n -> n == 1 ? Reply.headersThenStall(200, "{") : Reply.complete(200, "{\"ok\":true}"));
        assertThatThrownBy(() -> http.send(post(), READ)).isInstanceOf(HttpTimeoutException.class);

        HttpResponse<String> second = http.send(post());

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void send_refusesABodyAnnouncedLargerThanTheCap_withoutReadingIt() throws Exception {
        start(n -> Reply.headersThenStall(10_000_000, ""));

        assertThatThrownBy(() -> http.send(post())).isInstanceOf(BodyTooLargeException.class)
                .hasMessage("the answer's body is larger than 64 KiB");
    }

    @Test
    void send_refusesAStreamedBodyOnceItPassesTheCap() throws Exception {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        String chunk = Integer.toHexString(16 * 1024) + "\r\n" + "x".repeat(16 * 1024) + "\r\n";
        byte[] bytes = (head + chunk.repeat(5)).getBytes(StandardCharsets.US_ASCII);
        start(n -> new Reply(bytes, true));

        assertThatThrownBy(() -> http.send(post())).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void send_readsABodyOfExactlyTheCap() throws Exception {
        String body = "x".repeat(BoxHttpClient.MAX_BODY_BYTES);
        start(n -> Reply.complete(200, body));

        assertThat(http.send(post()).body()).hasSize(BoxHttpClient.MAX_BODY_BYTES);
    }

    /**
     * Bodies are timed on the client's own thread, not on the JDK-wide timer of CompletableFuture, whose
     * thread would keep the first application's class loader for good in a server that redeploys it.
     */
    @Test
    void send_timesTheBodyOnAThreadOfTheClientsOwn_withNoClassLoader_endedByClose() throws Exception {
        Set<Thread> before = deadlineThreads();
        start(n -> Reply.complete(200, "{}"));

        http.send(post());

        Set<Thread> started = deadlineThreads();
        started.removeAll(before);
        assertThat(started).singleElement().extracting(Thread::getContextClassLoader).isNull();
        http.close();
        Thread timer = started.iterator().next();
        timer.join(10_000);
        assertThat(timer.isAlive()).isFalse();
    }

    /**
     * A blocking exchange, not one handed to the client's executor and completed through the common pool,
     * which has a single thread on two cores and then starts a new thread for every exchange.
     */
    @Test
    void send_runsAnExchangeOnAKeptAliveConnectionOnTheCallersThread() throws Exception {
        try (BoxEmulator box = BoxEmulator.startHttps()) {
            URI url = URI.create(box.tokenUrl());
            http = BoxHttpClient.create(url, CONNECT, Duration.ofSeconds(10), BoxEmulator.clientSslContext(), null);
            http.send(BoxHttpClient.request(url).POST(HttpRequest.BodyPublishers.ofString("grant_type=x")).build());
            AtomicReference<Thread> subscribedOn = new AtomicReference<>();
            HttpRequest.BodyPublisher form = HttpRequest.BodyPublishers.ofString("grant_type=x");
            HttpRequest.BodyPublisher recording = new HttpRequest.BodyPublisher() {
                @Override
                public long contentLength() {
                    return form.contentLength();
                }

                @Override
                public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                    subscribedOn.set(Thread.currentThread());
                    form.subscribe(subscriber);
                }
            };

            http.send(BoxHttpClient.request(url).POST(recording).build());

            assertThat(subscribedOn.get()).isSameAs(Thread.currentThread());
        }
    }

    private static Set<Thread> deadlineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("box-auth-http-deadlines")).collect(Collectors.toSet());
    }

    private void start(java.util.function.IntFunction<Reply> replies) throws Exception {
        server = new RawHttpServer(replies);
        http = BoxHttpClient.create(server.url("/oauth2/token"), CONNECT, READ, null, null);
    }

    private HttpRequest post() {
        URI url = server.url("/oauth2/token");
        return BoxHttpClient.request(url).POST(HttpRequest.BodyPublishers.ofString("grant_type=x")).build();
    }
}
