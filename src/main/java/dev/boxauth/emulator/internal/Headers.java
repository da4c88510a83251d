package dev.boxauth.emulator.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Request header fields, looked up case-insensitively as HTTP requires (HTTP/2 clients send lower case). */
public final class Headers {

    private final Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    void add(String name, String value) {
        fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** The first value of the field, or {@code null} when absent. */
    public String first(String name) {
        List<String> values = fields.get(name);
        return values == null ? null : values.get(0);
    }

    /** Every value of the field in arrival order; empty when absent. */
    public List<String> all(String name) {
        return Collections.unmodifiableList(fields.getOrDefault(name, List.of()));
    }

    /**
     * Whether a comma-separated field such as {@code Connection} lists {@code token}, ignoring case,
     * in any of its lines.
     */
    public boolean hasToken(String name, String token) {
        for (String value : all(name)) {
            for (String item : value.split(",")) {
                if (item.trim().toLowerCase(Locale.ROOT).equals(token.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
