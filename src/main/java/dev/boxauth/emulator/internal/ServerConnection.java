package dev.boxauth.emulator.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Instant;
import java.util.function.Supplier;

/** Serves the requests of one connection in turn until either side closes it. */
final class ServerConnection implements Runnable {

    private static final System.Logger LOG = System.getLogger(ServerConnection.class.getName());

    private final Socket socket;
    private final HttpHandler handler;
    private final Supplier<Instant> clock;
    private final Runnable onClose;

    ServerConnection(Socket socket, HttpHandler handler, Supplier<Instant> clock, Runnable onClose) {
        this.socket = socket;
        this.handler = handler;
        this.clock = clock;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (socket) {
            RequestReader reader = new RequestReader(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean open = true;
            while (open) {
                open = serveOne(reader, out);
            }
        } catch (IOException e) {
            // The client went away, idled past the read timeout, failed the TLS handshake, or the
            // server is closing: each simply ends this connection, as it would on a real server.
        } catch (InterruptedException e) {
            // Interrupted by close() while a handler waited (latency knob): the connection ends.
            Thread.currentThread().interrupt();
        } finally {
            onClose.run();
        }
    }

    /** Serves one request; returns whether the connection stays open for the next. */
    private boolean serveOne(RequestReader reader, OutputStream out) throws IOException, InterruptedException {
        RequestReader.Head head;
        try {
            head = reader.readHead();
        } catch (HttpProtocolException e) {
            ResponseWriter.write(out, HttpResponse.text(e.status(), e.getMessage()), clock.get(), "close", true);
            return false;
        }
        if (head == null) {
            return false;
        }
        if (head.expectsContinue()) {
            ResponseWriter.writeContinue(out);
        }
        HttpRequest request = head.withBody(reader.readBody(head));
        Reply reply = handle(request);
        if (reply instanceof RawReply raw) {
            raw.send(out, clock.get());
            out.flush();
            return false;
        }
        HttpResponse response = (HttpResponse) reply;
        boolean keepAlive = request.keepAlive();
        String connection = keepAlive ? ("HTTP/1.0".equals(request.version()) ? "keep-alive" : null) : "close";
        ResponseWriter.write(out, response, clock.get(), connection, !"HEAD".equals(request.method()));
        return keepAlive;
    }

    private Reply handle(HttpRequest request) throws InterruptedException {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            // A bug in the emulator, not in the client: answer like a server error and keep the
            // details in the log (handlers never put secrets in exception messages).
            LOG.log(System.Logger.Level.WARNING, "Box emulator failed to handle " + request.method() + " "
                    + request.path(), e);
            return HttpResponse.json(500, Json.object("type", "error", "status", 500,
                    "code", "internal_server_error", "message", "Internal Server Error"));
        }
    }
}
