package dev.boxauth.internal.http;

import java.util.Locale;
import java.util.Map;

/**
 * Box's answer to one request: its status, its headers (names in lower case) and its body as UTF-8 text.
 * The body may hold a token, so it is left out of {@code toString()}.
 */
public record BoxHttpResponse(int status, Map<String, String> headers, String body) {

    /** The value of header {@code name} (any case), or {@code null}; of a repeated header, the last. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "BoxHttpResponse[status=" + status + "]";
    }
}
