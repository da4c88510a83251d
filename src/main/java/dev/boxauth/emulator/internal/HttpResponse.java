package dev.boxauth.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response to write. {@code Date}, {@code Content-Length} and {@code Connection} are added by the
 * server, so handlers cannot get them wrong.
 *
 * @param status the status code
 * @param contentType the media type of the body, or {@code null} when there is no body
 * @param body the body, empty for none
 * @param headers further header fields, in order
 */
public record HttpResponse(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers)
        implements Reply {

    /** A response with a JSON body. */
    public static HttpResponse json(int status, Object json) {
        return new HttpResponse(status, "application/json", Json.write(json).getBytes(StandardCharsets.UTF_8),
                List.of());
    }

    /** A response with a short plain-text body, for protocol errors that happen before any routing. */
    public static HttpResponse text(int status, String text) {
        return new HttpResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8),
                List.of());
    }

    /** An HTML page, for the browser-facing authorize endpoint. */
    public static HttpResponse html(int status, String html) {
        return new HttpResponse(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), List.of())
                .withHeader("Cache-Control", "no-store");
    }

    /** A 302 to {@code location}, as the authorize endpoint sends the browser back to the app. */
    public static HttpResponse redirect(String location) {
        return empty(302).withHeader("Location", location).withHeader("Cache-Control", "no-store");
    }

    /** A response without a body. */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, null, new byte[0], List.of());
    }

    /** This response with one more header field. */
    public HttpResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new HttpResponse(status, contentType, body, List.copyOf(more));
    }

    /** The value of the first header field added with {@link #withHeader}, or {@code null}. */
    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
