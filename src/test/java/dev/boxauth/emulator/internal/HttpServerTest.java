package dev.boxauth.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 server, over raw sockets so every byte on the wire is visible. */
class HttpServerTest {

    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");

    private final AtomicInteger accepted = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    /** A server that echoes method, path and body, on a fixed clock. */
    private HttpServer start(Duration idleTimeout) throws IOException {
        HttpHandler echo = request -> HttpResponse.text(200,
                request.method() + " " + request.path() + " " + request.bodyText());
        server = new HttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), echo, () -> NOW,
                accepted::incrementAndGet, idleTimeout);
        return server;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(5000);
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Everything the server sends until it closes the connection. */
    private static String readUntilClosed(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** One response whose body is framed by Content-Length. */
    private static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the head: " + head);
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        int length = Integer.parseInt(headText.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        return headText + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    @Test
    void response_carriesDateFromTheGivenClock_contentLength_andContentType() throws IOException {
        start(HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello");

            assertThat(readResponse(socket)).isEqualTo("HTTP/1.1 200 OK\r\n"
                    + "Date: Wed, 02 Jan 2030 03:04:05 GMT\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: 13\r\n\r\n"
                    + "POST /x hello");
        }
    }

    @Test
    void http11_keepsTheConnectionOpen_forPipelinedRequests() throws IOException {
        start(HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "GET /one HTTP/1.1\r\nHost: a\r\n\r\nGET /two?q=1 HTTP/1.1\r\nhost: a\r\n\r\n");

            assertThat(readResponse(socket)).endsWith("GET /one ");
            assertThat(readResponse(socket)).endsWith("GET /two ");
            assertThat(accepted).hasValue(1);
        }
    }

    @Test
    void connectionClose_closesAfterTheResponse() throws IOException {
        start(HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "GET /x HTTP/1.1\r\nConnection: close\r\n\r\n");

            assertThat(readUntilClosed(socket)).contains("Connection: close\r\n").endsWith("GET /x ");
        }
    }

    @Test
    void http10_closesUnlessAskedToKeepAlive() throws IOException {
        start(HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "GET /x HTTP/1.0\r\n\r\n");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 200 OK").endsWith("GET /x ");
        }
        try (Socket socket = connect()) {
            send(socket, "GET /y HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /z HTTP/1.0\r\n\r\n");

            assertThat(readResponse(socket)).contains("Connection: keep-alive\r\n");
            assertThat(readUntilClosed(socket)).endsWith("GET /z ");
        }
    }

    @Test
    void chunkedBodyWithoutLength_isAnswered411() throws IOException {
        start(HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 411 Length Required\r\n");
        }
    }

    @Test
    void bothContentLengthAndTransferEncoding_isAnswered400() throws IOException {
        start(HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 400 Bad Request\r\n");
        }
    }

    @Test
    void oversizedHeaders_areAnswered431() throws IOException {
        start(HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "GET /x HTTP/1.1\r\nX-Big: " + "a".repeat(RequestReader.MAX_HEAD_BYTES) + "\r\n\r\n");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 431 ");
        }
    }

    @Test
    void malformedRequestLine_isAnswered400() throws IOException {
        start(HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "NONSENSE\r\n\r\n");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 400 ");
        }
    }

    @Test
    void expectContinue_getsAnInterimResponseBeforeTheBody() throws IOException {
        start(HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "POST /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            byte[] interim = socket.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            assertThat(new String(interim, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");

            send(socket, "hi");

            assertThat(readResponse(socket)).endsWith("POST /x hi");
        }
    }

    @Test
    void headRequest_announcesTheLengthButSendsNoBody() throws IOException {
        start(HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "HEAD /x HTTP/1.1\r\nConnection: close\r\n\r\n");

            assertThat(readUntilClosed(socket)).contains("Content-Length: 8\r\n").endsWith("\r\n\r\n");
        }
    }

    @Test
    void idleConnection_isClosedAfterTheReadTimeout() throws IOException {
        start(Duration.ofMillis(100));
        try (Socket socket = connect()) {
            // Blocks until the server gives up on the silent connection: EOF, not the client's timeout.
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void close_closesOpenConnections() throws IOException {
        start(HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "GET /x HTTP/1.1\r\n\r\n");
            readResponse(socket);

            server.close();

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void failingHandler_isAnswered500_andTheConnectionStaysUsable() throws IOException {
        server = new HttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), request -> {
            if (request.path().equals("/boom")) {
                throw new IllegalStateException("test failure");
            }
            return HttpResponse.empty(204);
        }, () -> NOW, accepted::incrementAndGet, HttpServer.DEFAULT_IDLE_TIMEOUT);
        try (Socket socket = connect()) {
            send(socket, "GET /boom HTTP/1.1\r\n\r\nGET /fine HTTP/1.1\r\nConnection: close\r\n\r\n");

            String responses = readUntilClosed(socket);
            assertThat(responses).startsWith("HTTP/1.1 500 ").contains("\"code\":\"internal_server_error\"")
                    .contains("HTTP/1.1 204 ");
        }
    }
}
