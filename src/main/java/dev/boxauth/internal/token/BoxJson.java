package dev.boxauth.internal.token;

import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** Reads the JSON Box answers, on its OAuth 2.0 endpoints and its API; whatever is not JSON reads as nothing. */
public final class BoxJson {

    private BoxJson() {
    }

    /** The JSON object, or {@code null} when the body is empty or not a JSON object. */
    public static Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JsonUtil.parseJson(body);
        } catch (JoseException | RuntimeException e) {
            return null;
        }
    }

    /** The string field {@code name}, or {@code null}. */
    public static String text(Map<String, Object> json, String name) {
        Object value = json == null ? null : json.get(name);
        return value instanceof String s ? s : null;
    }
}
