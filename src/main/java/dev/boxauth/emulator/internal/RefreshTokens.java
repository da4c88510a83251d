package dev.boxauth.emulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth 2.0 token pairs: an access token and its single-use refresh token. Using a refresh token spends
 * it at once, so of two concurrent refreshes with the same token exactly one wins, as on Box.
 */
public final class RefreshTokens {

    /** Box's text for a refresh token it does not accept: unknown, another app's, spent, revoked or expired. */
    static final String INVALID = "Invalid refresh token";

    /** How long a refresh token lives unused; every use replaces it with a new one. */
    static final Duration LIFETIME = Duration.ofDays(60);

    private final TokenIssuer issuer;
    private final EmulatorClock clock;
    private final RandomIds random;
    private final Map<String, Pair> active = new ConcurrentHashMap<>();
    /** Access token to the refresh token issued with it, so revoking either revokes both. */
    private final Map<String, String> byAccessToken = new ConcurrentHashMap<>();
    /**
     * Refresh tokens spent by a refresh, kept for good: presenting one again is the reuse clients must
     * never commit, and tests count it. Revoked tokens are not here: they are merely invalid.
     */
    private final Set<String> spent = ConcurrentHashMap.newKeySet();
    /** Every refresh token ever issued, for tests that check where they must not appear. */
    private final Set<String> everIssued = ConcurrentHashMap.newKeySet();

    /** A refresh token's grant, the access token issued with it, and its expiry. */
    private record Pair(AccessGrant grant, String accessToken, Instant expiresAt) {
    }

    public RefreshTokens(TokenIssuer issuer, EmulatorClock clock, RandomIds random) {
        this.issuer = issuer;
        this.clock = clock;
        this.random = random;
    }

    /** Issues an access token and a refresh token for {@code grant}; the response fields include both. */
    public Map<String, Object> issuePair(AccessGrant grant) {
        TokenIssuer.IssuedToken access = issuer.issue(grant);
        String refreshToken = random.alnum(64);
        everIssued.add(refreshToken);
        active.put(refreshToken, new Pair(grant, access.accessToken(), clock.now().plus(LIFETIME)));
        byAccessToken.put(access.accessToken(), refreshToken);
        Map<String, Object> fields = new LinkedHashMap<>(access.responseFields());
        fields.put("refresh_token", refreshToken);
        return fields;
    }

    /**
     * Spends {@code refreshToken} of {@code clientId} and returns its grant, for a new pair.
     *
     * @throws GrantRejected {@code refresh_reuse} for a token already spent (also counted in
     *     {@code reuse}), {@code refresh_expired} after 60 days, {@code refresh_invalid} for anything else
     */
    public AccessGrant redeem(String clientId, String refreshToken, Runnable onReuse) throws GrantRejected {
        Pair pair = refreshToken == null ? null : active.get(refreshToken);
        if (pair == null || !pair.grant().clientId().equals(clientId)) {
            if (pair == null && refreshToken != null && spent.contains(refreshToken)) {
                throw reused(onReuse);
            }
            throw GrantRejected.invalidGrant("refresh_invalid", INVALID);
        }
        // Marked spent before it leaves the active map: a concurrent loser that no longer finds it
        // must see it as spent, not as unknown.
        spent.add(refreshToken);
        if (!active.remove(refreshToken, pair)) {
            throw reused(onReuse);
        }
        byAccessToken.remove(pair.accessToken(), refreshToken);
        if (!clock.now().isBefore(pair.expiresAt())) {
            // Box answers an expired refresh token like any other it does not accept.
            throw GrantRejected.invalidGrant("refresh_expired", INVALID);
        }
        return pair.grant();
    }

    private static GrantRejected reused(Runnable onReuse) {
        onReuse.run();
        return GrantRejected.invalidGrant("refresh_reuse", INVALID);
    }

    /**
     * Revokes {@code token} of {@code clientId}, an access or a refresh token, with the other token of its
     * pair. A token of another app, or an unknown one, is left alone.
     *
     * @return whether anything was revoked
     */
    public boolean revoke(String clientId, String token) {
        if (token == null) {
            return false;
        }
        Pair pair = active.get(token);
        if (pair != null) {
            if (!pair.grant().clientId().equals(clientId) || !active.remove(token, pair)) {
                return false;
            }
            byAccessToken.remove(pair.accessToken(), token);
            issuer.revoke(pair.accessToken());
            return true;
        }
        AccessGrant grant = issuer.grantOf(token);
        if (grant == null || !grant.clientId().equals(clientId)) {
            return false;
        }
        issuer.revoke(token);
        String refreshToken = byAccessToken.remove(token);
        if (refreshToken != null) {
            active.remove(refreshToken);
        }
        return true;
    }

    /** Every refresh token issued so far, spent, revoked or not. */
    public Set<String> everIssued() {
        return Set.copyOf(everIssued);
    }
}
