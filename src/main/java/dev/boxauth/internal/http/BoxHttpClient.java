package dev.boxauth.internal.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 to Box, bounded in time and size: what box-auth's few exchanges (a form POSTed to the token
 * and revoke endpoints, a GET of {@code /users/me}) need, over the JDK's sockets and TLS. Each exchange has
 * one deadline that covers connecting, the TLS handshake, the headers and the whole body: every read waits
 * at most for what is left of it. A body over {@link #MAX_BODY_BYTES} fails with
 * {@link BodyTooLargeException} as soon as it is known to be too large, so that no answer can fill the heap.
 *
 * <p>Not the JDK's {@code HttpClient}: with it, a fresh JVM took 80 to 120 ms longer to its first token
 * (its selector thread and asynchronous machinery, some 330 classes) and each request on a kept-alive
 * connection 100 to 250 µs longer, for features these exchanges do not use (see docs/benchmarks.md).
 *
 * <p>One instance per provider, shared by its endpoints: connections are kept alive, idle for up to
 * {@link #MAX_IDLE} between exchanges. A POST is never sent twice: if a kept-alive connection turns out
 * closed, the caller's retry policy decides; a GET is sent again once on a new connection. Redirects are
 * never followed: a redirected token request would carry the client secret wherever the redirect points.
 * The JVM's trust store and proxy settings apply unless an {@link SSLContext} or a {@link ProxySelector} is
 * passed; an HTTP proxy is used with {@code CONNECT}, a SOCKS proxy as the JDK's sockets use it.
 */
public final class BoxHttpClient implements AutoCloseable {

    /** Box's token answers are under 4 KiB and {@code /users/me} under 2 KiB; anything far larger is not Box. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * How long a connection may stay idle and still be used again: shorter than servers keep idle
     * connections open, so that a request rarely meets one the server has just closed.
     */
    static final Duration MAX_IDLE = Duration.ofSeconds(15);

    private final Duration connectTimeout;
    /** Connect plus read timeout: the longest one exchange may take. */
    private final Duration exchangeTimeout;
    private final SSLContext sslContext;
    private final ProxySelector proxy;
    private final Object lock = new Object();
    /** Connections waiting for an exchange, the most recently used first; guarded by {@link #lock}. */
    private final Deque<HttpConnection> idle = new ArrayDeque<>();
    /** Connections in an exchange, closed by {@link #close()} to end it; guarded by {@link #lock}. */
    private final Set<HttpConnection> busy = new HashSet<>();
    private boolean closed;
    /** The TLS socket factory, made on the first HTTPS connection. */
    private volatile SSLSocketFactory tls;

    private BoxHttpClient(Duration connectTimeout, Duration readTimeout, SSLContext sslContext, ProxySelector proxy) {
        this.connectTimeout = connectTimeout;
        this.exchangeTimeout = connectTimeout.plus(readTimeout);
        this.sslContext = sslContext;
        this.proxy = proxy;
    }

    /**
     * @param connectTimeout the longest wait for a connection
     * @param readTimeout the longest wait, after connecting, for the whole answer
     * @param sslContext trust for TLS, or {@code null} for the JVM's default
     * @param proxy the proxies to use, or {@code null} for the JVM's ({@link ProxySelector#getDefault()})
     */
    public static BoxHttpClient create(Duration connectTimeout, Duration readTimeout, SSLContext sslContext,
            ProxySelector proxy) {
        return new BoxHttpClient(connectTimeout, readTimeout, sslContext, proxy);
    }

    /** {@link #send(BoxHttpRequest, Duration)} within the exchange timeout alone. */
    public BoxHttpResponse send(BoxHttpRequest request) throws IOException, InterruptedException {
        return send(request, exchangeTimeout);
    }

    /**
     * Sends {@code request} and reads the whole answer as UTF-8 text.
     *
     * @param atMost the caller's own bound (what is left of its deadline); the exchange timeout applies too
     * @throws SocketTimeoutException when the whole answer did not arrive in time
     * @throws BodyTooLargeException when the body is larger than {@link #MAX_BODY_BYTES}
     * @throws IOException when no answer arrived (connection refused or reset, TLS failure, not HTTP)
     * @throws InterruptedException when the calling thread was interrupted before the exchange
     */
    public BoxHttpResponse send(BoxHttpRequest request, Duration atMost) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before a request to " + request.url().getHost());
        }
        Duration timeout = atMost.compareTo(exchangeTimeout) < 0 ? atMost : exchangeTimeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw timedOut(timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String origin = origin(request.url());
        try {
            HttpConnection connection = reused(origin);
            if (connection == null) {
                return exchange(open(request.url(), origin, deadline), request, deadline);
            }
            try {
                return exchange(connection, request, deadline);
            } catch (IOException e) {
                // A kept-alive connection the server had closed meanwhile fails before any answer; only a GET
                // may be sent again without the risk of acting twice.
                if (connection.answered() || !request.idempotent() || e instanceof SocketTimeoutException
                        || e instanceof BodyTooLargeException) {
                    throw e;
                }
                return exchange(open(request.url(), origin, deadline), request, deadline);
            }
        } catch (SocketTimeoutException e) {
            // Whichever step ran out of time (connect, handshake, proxy, head or body), the caller's bound did.
            throw timedOut(timeout);
        }
    }

    private BoxHttpResponse exchange(HttpConnection connection, BoxHttpRequest request, long deadline)
            throws IOException {
        boolean reusable = false;
        try {
            HttpConnection.Answer answer = connection.exchange(request.encode(connection.target(request.url())),
                    deadline, MAX_BODY_BYTES);
            reusable = answer.reusable();
            return answer.response();
        } finally {
            release(connection, reusable);
        }
    }

    /** An idle connection to {@code origin} that may be used again, now busy; or {@code null}. */
    private HttpConnection reused(String origin) throws IOException {
        List<HttpConnection> stale = new ArrayList<>();
        HttpConnection found = null;
        synchronized (lock) {
            if (closed) {
                throw new IOException("the HTTP client is closed");
            }
            for (var it = idle.iterator(); it.hasNext() && found == null; ) {
                HttpConnection candidate = it.next();
                if (!candidate.origin().equals(origin)) {
                    continue;
                }
                it.remove();
                if (candidate.reusable(MAX_IDLE.toNanos())) {
                    found = candidate;
                    busy.add(found);
                } else {
                    stale.add(candidate);
                }
            }
        }
        stale.forEach(HttpConnection::close);
        return found;
    }

    private void release(HttpConnection connection, boolean reusable) {
        synchronized (lock) {
            busy.remove(connection);
            if (reusable && !closed) {
                idle.addFirst(connection);
                return;
            }
        }
        connection.close();
    }

    /** A new connection to {@code url}'s origin, through the proxy the selector picks; busy. */
    private HttpConnection open(URI url, String origin, long deadline) throws IOException {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        // URI keeps an IPv6 literal's brackets, which sockets and TLS's host check do not take.
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        int port = BoxHttpRequest.port(url);
        Proxy via = proxyFor(url);
        Socket socket = via.type() == Proxy.Type.SOCKS ? new Socket(via) : new Socket();
        HttpConnection connection = null;
        try {
            InetSocketAddress address = switch (via.type()) {
                // The JVM's selector names its proxies unresolved.
                case HTTP -> resolved((InetSocketAddress) via.address());
                case SOCKS -> InetSocketAddress.createUnresolved(host, port);
                default -> new InetSocketAddress(host, port);
            };
            int left = (int) Math.min(connectTimeout.toMillis(), HttpConnection.millisLeft(deadline));
            try {
                socket.connect(address, Math.max(1, left));
            } catch (IOException e) {
                if (via.type() != Proxy.Type.DIRECT) {
                    selector().connectFailed(url, via.address(), e);
                }
                throw e;
            }
            socket.setTcpNoDelay(true);
            if (https && via.type() == Proxy.Type.HTTP) {
                tunnel(socket, url.getHost() + ":" + port, deadline);
            }
            Socket connected = https ? secured(socket, host, port, deadline) : socket;
            // Plain HTTP through a proxy names the whole URL; through a tunnel or direct, the path.
            connection = new HttpConnection(origin, connected, socket, !https && via.type() == Proxy.Type.HTTP);
        } finally {
            if (connection == null) {
                socket.close();
            }
        }
        synchronized (lock) {
            if (closed) {
                connection.close();
                throw new IOException("the HTTP client is closed");
            }
            busy.add(connection);
        }
        return connection;
    }

    /** Asks an HTTP proxy for a tunnel to {@code authority} ({@code CONNECT}); TLS then goes through it. */
    private static void tunnel(Socket socket, String authority, long deadline) throws IOException {
        HttpConnection proxy = new HttpConnection("proxy", socket, socket, false);
        byte[] connect = ("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority
                + "\r\nUser-Agent: box-auth\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        int status = proxy.tunnel(connect, deadline);
        if (status / 100 != 2) {
            throw new ProtocolException("the proxy refused a tunnel to " + authority + ": HTTP " + status);
        }
    }

    private Socket secured(Socket socket, String host, int port, long deadline) throws IOException {
        SSLSocket tlsSocket = (SSLSocket) tlsFactory().createSocket(socket, host, port, true);
        SSLParameters parameters = tlsSocket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
        tlsSocket.setSSLParameters(parameters);
        tlsSocket.setSoTimeout(HttpConnection.millisLeft(deadline));
        tlsSocket.startHandshake();
        return tlsSocket;
    }

    private static InetSocketAddress resolved(InetSocketAddress address) {
        return address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }

    private SSLSocketFactory tlsFactory() throws IOException {
        SSLSocketFactory factory = tls;
        if (factory == null) {
            try {
                factory = (sslContext != null ? sslContext : SSLContext.getDefault()).getSocketFactory();
            } catch (NoSuchAlgorithmException e) {
                throw new IOException("the JVM has no default TLS context", e);
            }
            tls = factory;
        }
        return factory;
    }

    private ProxySelector selector() {
        return proxy != null ? proxy : ProxySelector.getDefault();
    }

    private Proxy proxyFor(URI url) {
        ProxySelector selector = selector();
        if (selector == null) {
            return Proxy.NO_PROXY;
        }
        List<Proxy> proxies = selector.select(url);
        return proxies == null || proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
    }

    private static String origin(URI url) {
        int port = BoxHttpRequest.port(url);
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** Closes every connection; an exchange in progress fails with an {@link IOException}. */
    @Override
    public void close() {
        List<HttpConnection> all;
        synchronized (lock) {
            closed = true;
            all = new ArrayList<>(idle);
            all.addAll(busy);
            idle.clear();
            busy.clear();
        }
        all.forEach(HttpConnection::close);
    }

    private static SocketTimeoutException timedOut(Duration timeout) {
        return new SocketTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
    }

    @Override
    public String toString() {
        return "BoxHttpClient[exchange timeout " + exchangeTimeout + ", body cap " + MAX_BODY_BYTES + " bytes]";
    }
}
