package dev.boxauth.internal;

import java.util.Objects;

/** A secret value whose {@code toString()} never shows it, so a settings object can be printed safely. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself; only for the request that needs it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "<redacted>";
    }
}
