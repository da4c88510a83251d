package dev.boxauth.internal.http;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * HTTP to Box, bounded in time and size. Each exchange has one deadline that covers connecting, the
 * headers and the whole body, and is cancelled when it passes ({@link HttpRequest#timeout} alone covers
 * only the wait for headers, so a server that sends headers and then stalls would hold the caller for
 * good). A body over {@link #MAX_BODY_BYTES} fails with {@link BodyTooLargeException} as soon as it is
 * known to be too large, so that no answer can fill the heap.
 *
 * <p>One instance per provider, shared by its endpoints, so that requests ride kept-alive connections.
 * Redirects are never followed: a redirected token request would carry the client secret wherever the
 * redirect points. The JVM's trust store and proxy settings apply unless an {@link SSLContext} or a
 * {@link ProxySelector} is passed.
 */
public final class BoxHttpClient implements AutoCloseable {

    /** Box's token answers are under 4 KiB and {@code /users/me} under 2 KiB; anything far larger is not Box. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String USER_AGENT = "box-auth";

    private final HttpClient client;
    /** Connect plus read timeout: the longest one exchange may take. */
    private final Duration exchangeTimeout;
    /**
     * Cuts off bodies still arriving at their deadline: the client's own, not the JDK-wide timer of
     * {@link java.util.concurrent.CompletableFuture#orTimeout}, whose thread would keep the context class
     * loader of the first application that used it, after a redeploy too. Its thread ends when idle.
     */
    private final ScheduledThreadPoolExecutor bodyDeadlines;

    BoxHttpClient(HttpClient client, Duration exchangeTimeout) {
        this.client = client;
        this.exchangeTimeout = exchangeTimeout;
        bodyDeadlines = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "box-auth-http-deadlines");
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            return thread;
        });
        bodyDeadlines.setKeepAliveTime(1, TimeUnit.MINUTES);
        bodyDeadlines.allowCoreThreadTimeOut(true);
        bodyDeadlines.setRemoveOnCancelPolicy(true);
    }

    /**
     * @param url the URL the client is mostly for; plain {@code http} (loopback only, the emulator) speaks HTTP/1.1
     * @param connectTimeout the longest wait for a connection
     * @param readTimeout the longest wait, after connecting, for the whole answer
     */
    public static BoxHttpClient create(URI url, Duration connectTimeout, Duration readTimeout, SSLContext sslContext,
            ProxySelector proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        ProxySelector selector = proxy != null ? proxy : ProxySelector.getDefault();
        if (selector != null) {
            builder.proxy(selector);
        }
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        if (isPlainHttp(url)) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return new BoxHttpClient(builder.build(), connectTimeout.plus(readTimeout));
    }

    /** A request to {@code url} with the headers every request to Box carries. */
    public static HttpRequest.Builder request(URI url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (isPlainHttp(url)) {
            // Loopback only (the emulator), which speaks HTTP/1.1, whichever URL the shared client was made for.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return builder;
    }

    /** {@link #send(HttpRequest, Duration)} within the exchange timeout alone. */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return send(request, exchangeTimeout);
    }

    /**
     * Sends {@code request} and reads the whole answer as UTF-8 text.
     *
     * @param atMost the caller's own bound (what is left of its deadline); the exchange timeout applies too
     * @throws HttpTimeoutException when the whole answer did not arrive in time; the exchange is cancelled
     * @throws BodyTooLargeException when the body is larger than {@link #MAX_BODY_BYTES}
     * @throws IOException when no answer arrived (connection refused or reset, TLS failure)
     */
    public HttpResponse<String> send(HttpRequest request, Duration atMost) throws IOException, InterruptedException {
        Duration timeout = atMost.compareTo(exchangeTimeout) < 0 ? atMost : exchangeTimeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw timedOut(timeout);
        }
        // The request's timeout bounds connecting and the headers; the body gets what is left of it.
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
        try {
            // The blocking send, not sendAsync: sendAsync starts every exchange on the client's executor and
            // completes it through the common pool, which has one thread on two cores and so runs each
            // completion on a new thread (about 300 µs an exchange there); send runs it on this thread.
            return client.send(bounded, CappedBody.handler(MAX_BODY_BYTES, deadline, bodyDeadlines));
        } catch (HttpConnectTimeoutException e) {
            throw e;
        } catch (HttpTimeoutException e) {
            throw timedOut(timeout);
        } catch (IOException e) {
            throw unwrapped(e, timeout);
        }
    }

    /** Releases the client's connections and selector thread where the JDK can (Java 21 and later). */
    @Override
    public void close() {
        bodyDeadlines.shutdownNow();
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing only releases resources early; the client's own cleanup frees them all the same.
            }
        }
    }

    private static HttpTimeoutException timedOut(Duration timeout) {
        return new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
    }

    /**
     * What the JDK's wrapping hides: the body's own failure (too large, out of time), or a TLS failure,
     * which keeps its type so that it is not retried.
     */
    private static IOException unwrapped(IOException failure, Duration timeout) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
            if (t instanceof TimeoutException) {
                return timedOut(timeout);
            }
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        return failure;
    }

    private static boolean isPlainHttp(URI url) {
        return "http".equalsIgnoreCase(url.getScheme());
    }

    @Override
    public String toString() {
        return "BoxHttpClient[exchange timeout " + exchangeTimeout + ", body cap " + MAX_BODY_BYTES + " bytes]";
    }
}
