package dev.boxauth.oauth;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One user's token pair as kept in a {@link BoxTokenStore}, and which instance, if any, is refreshing it.
 *
 * <p>A value: equality is by every component, which is what {@link BoxTokenStore#compareAndSet} compares.
 * Serializable, so that a cluster cache can hold it. {@link #toString()} never shows a token.
 *
 * @param accessToken the access token; a secret
 * @param accessTokenExpiresAt when Box stops accepting {@code accessToken}
 * @param refreshToken the refresh token; a secret; single-use: Box invalidates it when it issues the next
 * @param refreshLease which instance is refreshing this pair and until when, or {@code null} when none is;
 *     stores keep it as part of the value and need not understand it
 */
public record StoredTokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
        RefreshLease refreshLease) implements Serializable {

    private static final long serialVersionUID = 1L;

    public StoredTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    /** A pair nobody is refreshing. */
    public StoredTokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken) {
        this(accessToken, accessTokenExpiresAt, refreshToken, null);
    }

    /** The same pair, marked as being refreshed by {@code lease}'s holder. */
    public StoredTokens withRefreshLease(RefreshLease lease) {
        return new StoredTokens(accessToken, accessTokenExpiresAt, refreshToken, Objects.requireNonNull(lease, "lease"));
    }

    /** The same pair, with nobody refreshing it. */
    public StoredTokens withoutRefreshLease() {
        return new StoredTokens(accessToken, accessTokenExpiresAt, refreshToken, null);
    }

    @Override
    public String toString() {
        return "StoredTokens[accessToken=<redacted>, accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", refreshToken=<redacted>, refreshLease=" + refreshLease + "]";
    }

    /**
     * A claim, taken with {@link BoxTokenStore#compareAndSet}, that one instance is about to spend the refresh
     * token, so that other instances wait for its result instead of sending the same single-use token.
     * A lease that outlived {@code until} (its holder died or hangs) may be taken over.
     *
     * @param holder a random id of the refreshing instance; not a secret
     * @param until when the claim lapses, on the holder's clock (instances' clocks should agree within
     *     seconds)
     */
    public record RefreshLease(String holder, Instant until) implements Serializable {

        private static final long serialVersionUID = 1L;

        public RefreshLease {
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(until, "until");
        }
    }
}
