package dev.boxauth;

import java.time.Instant;
import java.util.Objects;

/**
 * A Box access token and the instant it expires.
 *
 * <p>{@link #toString()} never shows the token value, so instances may be logged.
 */
public final class BoxAccessToken {

    private final String value;
    private final Instant expiresAt;

    /**
     * @param value the bearer token, as Box returned it
     * @param expiresAt when Box stops accepting it, computed from {@code expires_in}
     */
    public BoxAccessToken(String value, Instant expiresAt) {
        this.value = Objects.requireNonNull(value, "value");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The bearer token to send as {@code Authorization: Bearer <value>}. A secret: do not log it. */
    public String value() {
        return value;
    }

    /** When Box stops accepting this token. */
    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoxAccessToken other && value.equals(other.value) && expiresAt.equals(other.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, expiresAt);
    }

    @Override
    public String toString() {
        return "BoxAccessToken[expiresAt=" + expiresAt + ", value=<redacted>]";
    }
}
