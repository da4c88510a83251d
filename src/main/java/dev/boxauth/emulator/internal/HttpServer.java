package dev.boxauth.emulator.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;

/**
 * A minimal HTTP/1.1 server on a {@link ServerSocket} (plain or TLS), one thread per connection.
 *
 * <p>Not {@code com.sun.net.httpserver}: that server overwrites the {@code Date} field with the real
 * time, and the emulator must show its own, offset clock there because clients correct clock skew
 * from it.
 */
public final class HttpServer implements AutoCloseable {

    /** Long enough that no test sees a kept-alive connection drop; short enough that abandoned ones end. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final ServerSocket serverSocket;
    private final HttpHandler handler;
    private final Supplier<Instant> clock;
    private final Runnable onAccept;
    private final int idleTimeoutMillis;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Starts serving on {@code serverSocket}, which must already be bound.
     *
     * @param clock the emulator's clock, for the {@code Date} field
     * @param onAccept called once for every accepted TCP connection
     * @param idleTimeout how long a connection may stay silent before the server closes it
     */
    public HttpServer(ServerSocket serverSocket, HttpHandler handler, Supplier<Instant> clock, Runnable onAccept,
            Duration idleTimeout) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        this.clock = clock;
        this.onAccept = onAccept;
        this.idleTimeoutMillis = Math.toIntExact(idleTimeout.toMillis());
        this.threads = Executors.newCachedThreadPool(daemonThreads("box-emulator-" + serverSocket.getLocalPort()));
        threads.execute(this::acceptLoop);
    }

    /** The bound port. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                // close() closed the server socket, or accept failed: either way stop only when closed.
                if (closed) {
                    return;
                }
                continue;
            }
            onAccept.run();
            open.add(socket);
            // close() may have run between accept and add, and then never saw this socket.
            if (closed) {
                closeQuietly(socket);
                return;
            }
            try {
                socket.setSoTimeout(idleTimeoutMillis);
                socket.setTcpNoDelay(true);
                threads.execute(new ServerConnection(socket, handler, clock, () -> open.remove(socket)));
            } catch (SocketException | java.util.concurrent.RejectedExecutionException e) {
                open.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    /** Stops accepting, closes every open connection, and stops the threads. Idempotent. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable instanceof SSLSocket tls) {
                // Closing TLS reads on until the client answers the close, within the read timeout; a client
                // that keeps its connection idle for another request never does, so do not wait for it.
                tls.setSoTimeout(1);
            }
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort: the socket is unusable either way.
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            // Daemon: a test that forgets close() must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
