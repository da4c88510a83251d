package dev.boxauth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.internal.http.RawHttpServer.Reply;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bounds of every exchange with Box, and the HTTP/1.1 it speaks, over real loopback HTTP and TLS. Each
 * test that would hang without its bound has a generous JUnit timeout that turns a hang into a failure;
 * none asserts wall-clock times.
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

        assertThatThrownBy(() -> http.send(post())).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("no complete answer within 1300 ms");
    }

    @Test
    void send_endsABodyThatTricklesPastTheDeadline_thoughEachByteComesWithinTheReadTimeout() throws Exception {
        start(n -> Reply.trickle("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"));

        assertThatThrownBy(() -> http.send(post())).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("no complete answer within 1300 ms");
    }

    @Test
    void send_failsAtTheCallersBoundWhenItIsShorterThanTheTimeouts() throws Exception {
        start(n -> Reply.nothing());

        assertThatThrownBy(() -> http.send(post(), Duration.ofMillis(200))).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("within 200 ms");
    }

    @Test
    void send_worksAgainAfterAnExchangeWasCancelled() throws Exception {
        start(n -> n == 1 ? Reply.headersThenStall(200, "{") : Reply.complete(200, "{\"ok\":true}"));
        assertThatThrownBy(() -> http.send(post(), READ)).isInstanceOf(SocketTimeoutException.class);

        BoxHttpResponse second = http.send(post());

        assertThat(second.status()).isEqualTo(200);
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
    void send_refusesABodyWithoutLengthOnceItPassesTheCap() throws Exception {
        start(n -> Reply.raw("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + "x".repeat(70_000)));

        assertThatThrownBy(() -> http.send(post())).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void send_readsABodyOfExactlyTheCap() throws Exception {
        String body = "x".repeat(BoxHttpClient.MAX_BODY_BYTES);
        start(n -> Reply.complete(200, body));

        assertThat(http.send(post()).body()).hasSize(BoxHttpClient.MAX_BODY_BYTES);
    }

    @Test
    void send_readsAChunkedBody_withExtensionsAndTrailers_andSkipsAnInterimAnswer() throws Exception {
        start(n -> Reply.raw("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                + "Retry-After: 7\r\n\r\n4;name=value\r\n{\"a\"\r\n6\r\n:\"é\"}\r\n0\r\nTrailer: x\r\n\r\n"));

        BoxHttpResponse response = http.send(post());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"a\":\"é\"}");
        assertThat(response.header("retry-after")).isEqualTo("7");
        assertThat(response.header("RETRY-AFTER")).isEqualTo("7");
    }

    @Test
    void send_readsABodyThatEndsWithTheConnection() throws Exception {
        start(n -> Reply.raw("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{\"error\":\"x\"}"));

        BoxHttpResponse response = http.send(post());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"x\"}");
    }

    @Test
    void send_failsClearlyOnAnAnswerThatIsNotHttp() throws Exception {
        start(n -> Reply.raw("SSH-2.0-OpenSSH\r\n\r\n"));

        assertThatThrownBy(() -> http.send(post())).isInstanceOf(IOException.class)
                .hasMessage("not an HTTP/1.x status line");
    }

    @Test
    void send_failsClearlyWhenTheConnectionClosesBeforeTheWholeBody() throws Exception {
        start(n -> Reply.raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"access"));

        assertThatThrownBy(() -> http.send(post())).isInstanceOf(IOException.class)
                .hasMessage("the connection closed before the whole body came");
    }

    @Test
    void send_refusesAHeaderValueThatWouldEndTheHeader() {
        assertThatThrownBy(() -> BoxHttpRequest.get(URI.create("https://api.box.com/2.0/users/me"))
                .header("Authorization", "Bearer x\r\nAs-User: 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Bearer");
    }

    @Test
    void send_runsExchangesOnOneKeptAliveTlsConnection() throws Exception {
        try (BoxEmulator box = BoxEmulator.startHttps()) {
            URI url = URI.create(box.tokenUrl());
            http = BoxHttpClient.create(CONNECT, Duration.ofSeconds(10), BoxEmulator.clientSslContext(), null);

            for (int i = 0; i < 3; i++) {
                assertThat(http.send(BoxHttpRequest.postForm(url, "grant_type=x")).status()).isEqualTo(400);
            }

            assertThat(box.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void send_checksThatTheCertificateNamesTheHost() throws Exception {
        try (BoxEmulator box = BoxEmulator.startHttps(); TunnelProxy proxy = new TunnelProxy()) {
            // The proxy reaches the emulator for any name; its certificate names localhost and 127.0.0.1 only.
            URI url = URI.create(box.tokenUrl().replace("127.0.0.1", "api.box.com"));
            http = BoxHttpClient.create(CONNECT, Duration.ofSeconds(10), BoxEmulator.clientSslContext(),
                    new FixedProxy(new Proxy(Proxy.Type.HTTP, proxy.address())));

            assertThatThrownBy(() -> http.send(BoxHttpRequest.postForm(url, "grant_type=x")))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void send_sendsAGetAgainOnANewConnection_whenTheKeptAliveOneWasClosed_butNeverAPost() throws Exception {
        start(n -> Reply.keptAlive(200, "{\"n\":" + n + "}"));
        URI url = server.url("/2.0/users/me");
        http.send(BoxHttpRequest.get(url));

        assertThat(http.send(BoxHttpRequest.get(url)).body()).isEqualTo("{\"n\":2}");

        assertThatThrownBy(() -> http.send(post())).isInstanceOf(IOException.class);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void send_usesNoKeptAliveConnectionOnWhichTheServerSentSomethingUnasked() throws Exception {
        // What a TLS server sends as it closes an idle connection (close_notify) comes unasked like these bytes.
        start(n -> Reply.raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}" + (n == 1 ? "\u0015\u0003\u0003" : "")));
        http.send(post());

        assertThat(http.send(post()).body()).isEqualTo("{}");

        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void send_reachesAnIpv6LiteralAndNamesItInTheHostHeader() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        assumeTrue(ipv6Loopback.isReachable(1000), "no IPv6 loopback on this machine");
        server = new RawHttpServer(n -> Reply.complete(200, "{}"), ipv6Loopback);
        http = BoxHttpClient.create(CONNECT, READ, null, null);

        assertThat(http.send(BoxHttpRequest.get(server.url("/2.0/users/me"))).status()).isEqualTo(200);

        URI url = server.url("/");
        assertThat(BoxHttpRequest.hostHeader(url)).startsWith("[").isEqualTo(url.getRawAuthority());
    }

    @Test
    void close_endsAnExchangeInProgress() throws Exception {
        start(n -> Reply.nothing());
        Thread closer = new Thread(() -> {
            try {
                while (server.requests() == 0) {
                    Thread.onSpinWait();
                }
            } finally {
                http.close();
            }
        });
        closer.start();

        assertThatThrownBy(() -> http.send(post(), Duration.ofSeconds(20))).isInstanceOf(IOException.class)
                .isNotInstanceOf(SocketTimeoutException.class);
        closer.join();
    }

    @Test
    void send_goesThroughAnHttpProxysTunnel() throws Exception {
        try (BoxEmulator box = BoxEmulator.startHttps(); TunnelProxy proxy = new TunnelProxy()) {
            URI url = URI.create(box.tokenUrl().replace("127.0.0.1", "localhost"));
            // Unresolved, as the JVM's own selector names proxies (https.proxyHost).
            InetSocketAddress unresolved = InetSocketAddress.createUnresolved("localhost", proxy.address().getPort());
            http = BoxHttpClient.create(CONNECT, Duration.ofSeconds(10), BoxEmulator.clientSslContext(),
                    new FixedProxy(new Proxy(Proxy.Type.HTTP, unresolved)));

            assertThat(http.send(BoxHttpRequest.postForm(url, "grant_type=x")).status()).isEqualTo(400);

            assertThat(proxy.requests).containsExactly("CONNECT localhost:" + url.getPort() + " HTTP/1.1");
        }
    }

    @Test
    void send_goesThroughASocksProxy_whichResolvesTheHost() throws Exception {
        try (BoxEmulator box = BoxEmulator.startHttps(); SocksProxy proxy = new SocksProxy()) {
            URI url = URI.create(box.tokenUrl().replace("127.0.0.1", "localhost"));
            http = BoxHttpClient.create(CONNECT, Duration.ofSeconds(10), BoxEmulator.clientSslContext(),
                    new FixedProxy(new Proxy(Proxy.Type.SOCKS, proxy.address())));

            assertThat(http.send(BoxHttpRequest.postForm(url, "grant_type=x")).status()).isEqualTo(400);

            assertThat(proxy.requests).containsExactly("localhost:" + url.getPort());
        }
    }

    private void start(java.util.function.IntFunction<Reply> replies) throws Exception {
        server = new RawHttpServer(replies);
        http = BoxHttpClient.create(CONNECT, READ, null, null);
    }

    private BoxHttpRequest post() {
        return BoxHttpRequest.postForm(server.url("/oauth2/token"), "grant_type=x");
    }

    /** Always the same proxy (or none). */
    private static final class FixedProxy extends ProxySelector {
        private final Proxy proxy;

        FixedProxy(Proxy proxy) {
            this.proxy = proxy;
        }

        @Override
        public List<Proxy> select(URI uri) {
            return List.of(proxy);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
        }
    }

    /**
     * A proxy on loopback: accepts connections, hands each to {@link #handle} on a thread of its own, and
     * relays bytes to the port on loopback that the client asked for, whatever the host. The subclasses hold
     * no state of their own, since the accept loop starts in this constructor.
     */
    private abstract static class LoopbackProxy implements AutoCloseable {
        /** What each client asked for, as the subclass names it. */
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        LoopbackProxy() throws IOException {
            daemon(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        sockets.add(client);
                        daemon(() -> {
                            try {
                                handle(client);
                            } catch (IOException closed) {
                                // The test is over.
                            }
                        });
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        /** Reads the client's request, then {@link #relay}s or closes the client. */
        abstract void handle(Socket client) throws IOException;

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        }

        /** Connects to {@code port} on loopback, answers the client, and copies bytes both ways. */
        void relay(Socket client, int port, byte[] answer) throws IOException {
            Socket target = new Socket(InetAddress.getLoopbackAddress(), port);
            sockets.add(target);
            client.getOutputStream().write(answer);
            daemon(() -> copy(target, client));
            copy(client, target);
        }

        private static void copy(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // One side closed.
            }
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "loopback-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** An HTTP proxy that takes {@code CONNECT} only, to a port on loopback whatever the host, and copies bytes. */
    private static final class TunnelProxy extends LoopbackProxy {

        TunnelProxy() throws IOException {
        }

        @Override
        void handle(Socket client) throws IOException {
            InputStream in = client.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            requests.add(requestLine);
            String authority = requestLine.split(" ")[1];
            relay(client, Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1)),
                    "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * A SOCKS 5 proxy without authentication that takes CONNECT to a host name only, connects to that port on
     * loopback whatever the name, and copies bytes: what the JDK's sockets speak to a SOCKS proxy.
     */
    private static final class SocksProxy extends LoopbackProxy {

        SocksProxy() throws IOException {
        }

        @Override
        void handle(Socket client) throws IOException {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            in.readUnsignedByte(); // version 5
            in.readFully(new byte[in.readUnsignedByte()]); // the methods offered
            out.write(new byte[] {5, 0}); // no authentication
            in.readFully(new byte[3]); // version, CONNECT, reserved
            if (in.readUnsignedByte() != 3) {
                client.close(); // not a host name
                return;
            }
            byte[] name = new byte[in.readUnsignedByte()];
            in.readFully(name);
            int port = in.readUnsignedShort();
            requests.add(new String(name, StandardCharsets.US_ASCII) + ":" + port);
            relay(client, port, new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
        }
    }
}
