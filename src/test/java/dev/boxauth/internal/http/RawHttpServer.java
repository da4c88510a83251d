package dev.boxauth.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An HTTP/1.1 server on loopback that answers each request with raw bytes a test chooses, and can then
 * leave the connection open without a word: for what a well-behaved server never does. Each connection
 * serves one request. {@link #close()} closes every connection, so a stalled exchange ends with the test.
 */
final class RawHttpServer implements AutoCloseable {

    /**
     * What to send for the request with this 1-based number, and whether to stall after it, or to send a
     * space every 50 ms after it, for good.
     */
    record Reply(byte[] bytes, boolean stall, boolean trickle) {

        Reply(byte[] bytes, boolean stall) {
            this(bytes, stall, false);
        }

        /** {@code head}, then a byte of body every 50 ms: each within any read timeout, never the whole body. */
        static Reply trickle(String head) {
            return new Reply(head.getBytes(StandardCharsets.US_ASCII), false, true);
        }

        static Reply complete(int status, String body) {
            return new Reply(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8), false);
        }

        /** A status line and headers announcing {@code contentLength}, the first bytes of the body, then silence. */
        static Reply headersThenStall(long contentLength, String bodyStart) {
            return new Reply(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
                    + "\r\n\r\n" + bodyStart).getBytes(StandardCharsets.UTF_8), true);
        }

        /** A whole answer that lets the connection be kept alive; the server closes it all the same. */
        static Reply keptAlive(int status, String body) {
            return new Reply(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8), false);
        }

        /** Raw bytes: a head and body exactly as given, then the connection closes. */
        static Reply raw(String bytes) {
            return new Reply(bytes.getBytes(StandardCharsets.UTF_8), false);
        }

        static Reply nothing() {
            return new Reply(new byte[0], true);
        }
    }

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    RawHttpServer(IntFunction<Reply> replies) throws IOException {
        this(replies, InetAddress.getLoopbackAddress());
    }

    RawHttpServer(IntFunction<Reply> replies, InetAddress address) throws IOException {
        server = new ServerSocket(0, 50, address);
        acceptor = new Thread(() -> accept(replies), "raw-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI url(String path) {
        InetAddress address = server.getInetAddress();
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create("http://" + host + ":" + server.getLocalPort() + path);
    }

    int requests() {
        return requests.get();
    }

    private void accept(IntFunction<Reply> replies) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread handler = new Thread(() -> serve(socket, replies), "raw-http-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket, IntFunction<Reply> replies) {
        try (socket) {
            InputStream in = socket.getInputStream();
            readRequest(in);
            Reply reply = replies.apply(requests.incrementAndGet());
            OutputStream out = socket.getOutputStream();
            out.write(reply.bytes());
            out.flush();
            while (reply.trickle()) {
                // A slow server, which only time can show; the test asserts no duration.
                Thread.sleep(50);
                out.write(' ');
                out.flush();
            }
            if (reply.stall()) {
                while (in.read() >= 0) {
                    // Say nothing until the client gives up or the test closes the server.
                }
            }
        } catch (IOException closed) {
            // The client cancelled, or the server is closing.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the request line, headers and a Content-Length body, so the client sees its request taken. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
