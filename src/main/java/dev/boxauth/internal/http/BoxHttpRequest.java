package dev.boxauth.internal.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One request to Box: a GET, or a POST of a form. Immutable; {@link #header} returns a copy. Its
 * {@code toString()} names the method and URL only, since headers and body carry secrets.
 */
public final class BoxHttpRequest {

    private final String method;
    private final URI url;
    /** Name and value, alternating, in the order sent. */
    private final List<String> headers;
    private final byte[] body;

    private BoxHttpRequest(String method, URI url, List<String> headers, byte[] body) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
    }

    /** A GET of {@code url}. */
    public static BoxHttpRequest get(URI url) {
        return new BoxHttpRequest("GET", checked(url), List.of(), null);
    }

    /** A POST of {@code form}, already encoded ({@code application/x-www-form-urlencoded}), to {@code url}. */
    public static BoxHttpRequest postForm(URI url, String form) {
        return new BoxHttpRequest("POST", checked(url), List.of("Content-Type", "application/x-www-form-urlencoded"),
                form.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * This request with one more header.
     *
     * @throws IllegalArgumentException when the name or value holds a line break, which would end the header
     */
    public BoxHttpRequest header(String name, String value) {
        if (name.isEmpty() || name.indexOf(':') >= 0 || breaksLine(name) || breaksLine(value)) {
            throw new IllegalArgumentException("a header name or value with a line break or a colon in the name");
        }
        List<String> more = new ArrayList<>(headers);
        more.add(name);
        more.add(value);
        return new BoxHttpRequest(method, url, List.copyOf(more), body);
    }

    public String method() {
        return method;
    }

    public URI url() {
        return url;
    }

    /** Whether sending it twice does no more than sending it once (RFC 9110, 9.2.2). */
    boolean idempotent() {
        return method.equals("GET");
    }

    /**
     * The request as sent on the wire, head and body in one array (so that one write sends it whole).
     *
     * @param target the request target: the path and query, or the absolute URL through a proxy
     */
    byte[] encode(String target) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: ").append(hostHeader(url))
                .append("\r\nAccept: application/json\r\nUser-Agent: box-auth\r\n");
        for (int i = 0; i < headers.size(); i += 2) {
            head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        if (body == null) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** {@code host[:port]}, the port only when it is not the scheme's default. */
    static String hostHeader(URI url) {
        // URI keeps an IPv6 literal's brackets, as the header needs them.
        String host = url.getHost();
        return port(url) == defaultPort(url) ? host : host + ":" + url.getPort();
    }

    /** The port the URL names, or its scheme's default. */
    static int port(URI url) {
        return url.getPort() == -1 ? defaultPort(url) : url.getPort();
    }

    private static int defaultPort(URI url) {
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static URI checked(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (url.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("not an http or https URL with a host: " + url);
        }
        return url;
    }

    private static boolean breaksLine(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    }

    @Override
    public String toString() {
        return "BoxHttpRequest[" + method + " " + url + "]";
    }
}
