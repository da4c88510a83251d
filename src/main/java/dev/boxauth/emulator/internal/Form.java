package dev.boxauth.emulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body, decoded. */
public final class Form {

    private final Map<String, String> fields;

    private Form(Map<String, String> fields) {
        this.fields = fields;
    }

    /**
     * Decodes {@code body}: {@code +} is a space and {@code %XX} a UTF-8 byte, so a client that forgets
     * to encode a value containing either sees it arrive changed, as on Box.
     *
     * @throws IllegalArgumentException for a malformed escape or a parameter sent twice (RFC 6749
     *     section 3.2 forbids repeating one)
     */
    public static Form parse(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (fields.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("Parameter sent more than once: " + name);
            }
        }
        return new Form(fields);
    }

    /**
     * The form a request's body carries, or an empty one when the body is not form-encoded (then every
     * parameter is simply missing).
     *
     * @throws IllegalArgumentException for a malformed body, as {@link #parse} does
     */
    public static Form of(HttpRequest request) {
        String contentType = request.headers().first("Content-Type");
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return empty();
        }
        return parse(request.bodyText());
    }

    /** An empty form, for requests whose body is not form-encoded. */
    public static Form empty() {
        return new Form(Map.of());
    }

    /** The decoded value, or {@code null} when absent. */
    public String get(String name) {
        return fields.get(name);
    }
}
