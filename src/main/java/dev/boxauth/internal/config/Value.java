package dev.boxauth.internal.config;

/**
 * A configured text and where it came from: a property name, or a property and a JSON field. Messages
 * name the origin, never the text.
 */
record Value(String text, String origin) {

    static Value of(String text, String origin) {
        return text == null ? null : new Value(text, origin);
    }

    @Override
    public String toString() {
        return origin;
    }
}
