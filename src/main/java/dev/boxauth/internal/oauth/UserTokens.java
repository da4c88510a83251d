package dev.boxauth.internal.oauth;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenException;
import dev.boxauth.internal.Secret;
import dev.boxauth.internal.cache.TokenSource;
import dev.boxauth.internal.token.RetryPolicy;
import dev.boxauth.internal.token.TokenResponse;
import dev.boxauth.oauth.NotSignedInException;
import dev.boxauth.oauth.StoredTokens;
import dev.boxauth.oauth.StoredTokens.RefreshLease;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One signed-in user's tokens, read from and written to the shared store: the {@link TokenSource} of that
 * user's {@link dev.boxauth.internal.cache.RefreshingTokenCache}, which calls it at most once at a time.
 *
 * <p>Each fetch starts from the store, because another instance may have refreshed since:
 * <ol>
 *   <li>a stored access token that this source has not handed out yet and that is not due for refresh is
 *       adopted without calling Box;
 *   <li>while another instance holds a live lease on the pair, its current access token is served as long
 *       as it lasts, and otherwise the store is polled until the new pair appears or the lease lapses;
 *   <li>otherwise this source takes the lease with a compare-and-set, spends the refresh token, and
 *       compare-and-sets the new pair over the leased one; the old pair is never removed first.
 * </ol>
 *
 * <p><b>Box refuses the refresh token ({@code invalid_grant}).</b> The store is read again: if it holds
 * another refresh token, another instance won (or the user signed in again) and that pair is used. Only
 * if it still holds the refused token does the sign-in end, with {@link NotSignedInException}; the entry is
 * left in place (the lease released), so that an instance still holding the successor can store it, and
 * the refused token is remembered so that it is never sent again.
 *
 * <p><b>A refresh that failed without an answer</b> (timeout, reset connection, 5xx, 429) may or may not
 * have reached Box. If it did, Box rotated the token and the new pair is lost with the response; if it did
 * not, the old refresh token is still the only valid one. No answer tells the two apart, so after a backoff
 * the store is read again (through the compare-and-set that renews the lease): if the pair changed, another
 * instance refreshed and its pair is used; if it did not, the same refresh token is sent again. That resend
 * is the only way to keep the user signed in in the second case, and costs nothing in the first: the lost
 * pair is beyond recovery and the old token, already invalid, is merely refused, which ends the sign-in as
 * not resending would have. This is the one case in which a refresh token leaves this process twice; a token
 * for which Box gave an answer is never sent again ({@link SpentRefreshTokens}).
 *
 * <p>Messages and logs name the client id and the user id, never a token.
 */
final class UserTokens implements TokenSource {

    private static final System.Logger LOG = System.getLogger(UserTokens.class.getName());

    /** Requests per refresh at most; the first plus retries after failures without an answer. */
    static final int REFRESH_ATTEMPTS = 3;
    static final Duration RETRY_BASE_DELAY = Duration.ofMillis(500);
    static final Duration RETRY_MAX_DELAY = Duration.ofSeconds(4);
    /** How often the store is read while another instance refreshes and no access token is left to serve. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /**
     * The least lifetime another instance's current access token must have left for it to be served while
     * that instance refreshes; the cache comes back for a new one after half of it.
     */
    static final Duration SERVE_WHILE_REFRESHING = Duration.ofSeconds(10);

    private final Shared shared;
    private final String boxUserId;
    /** Who holds a lease taken by this source; random per source, so no two sources can mistake each other. */
    private final String holderId;
    private final String name;
    private final SpentRefreshTokens spent = new SpentRefreshTokens();
    /** Bounds the loop over a store that keeps changing; ample for polling through one lease. */
    private final int maxRounds;

    /** The access token last handed to the cache: when the store still holds it, the cache wants a new one. */
    private volatile String handedOut;
    /** The access token the API last answered 401 to; never handed out again. */
    private volatile String rejected;
    /** The refresh token Box refused while the store still held it: the sign-in ended with it. */
    private volatile String refused;
    /** Set when the user signed out through this process; from then on nothing is read or sent. */
    private volatile boolean detached;

    UserTokens(Shared shared, String boxUserId, String holderId) {
        this.shared = shared;
        this.boxUserId = boxUserId;
        this.holderId = holderId;
        this.name = "client id " + shared.clientId() + " (OAuth 2.0, user " + boxUserId + ")";
        this.maxRounds = (int) Math.min(100_000, shared.leaseDuration().toMillis() / POLL_INTERVAL.toMillis() + 100);
    }

    String name() {
        return name;
    }

    String handedOut() {
        return handedOut;
    }

    void rejected(String accessToken) {
        rejected = accessToken;
    }

    void detach() {
        detached = true;
    }

    @Override
    public BoxAccessToken fetch() {
        for (int round = 1; round <= maxRounds; round++) {
            StoredTokens stored = load();
            if (stored.refreshToken().equals(refused)) {
                throw notSignedIn("Box refused the stored refresh token earlier: the user must sign in again.", null);
            }
            Instant now = shared.clock().instant();
            if (isNewAndNotDue(stored, now)) {
                return handOut(stored);
            }
            RefreshLease lease = stored.refreshLease();
            if (lease != null && !lease.holder().equals(holderId) && now.isBefore(lease.until())) {
                if (servable(stored, now)) {
                    return handOut(stored);
                }
                pause(POLL_INTERVAL, null);
                continue;
            }
            StoredTokens leased = stored.withRefreshLease(new RefreshLease(holderId, now.plus(shared.leaseDuration())));
            if (!shared.store().compareAndSet(boxUserId, stored, leased)) {
                continue; // changed since it was read: look again
            }
            StoredTokens refreshed = refresh(leased);
            if (refreshed != null) {
                return handOut(refreshed);
            }
            // null: the store changed while we refreshed; the next round adopts what it holds.
        }
        throw new BoxTokenException("Gave up refreshing the Box token for " + name + ": the token store kept"
                + " changing, or another instance kept its refresh lease, for " + maxRounds + " rounds.",
                null, null, 0, true, null);
    }

    /**
     * Spends the leased pair's refresh token.
     *
     * @return the new pair, now stored; or {@code null} when the store changed meanwhile and should be read again
     */
    private StoredTokens refresh(StoredTokens leased) {
        String refreshToken = leased.refreshToken();
        if (spent.contains(refreshToken)) {
            release(leased);
            throw new BoxTokenException("The token store handed back a refresh token for " + name + " that this"
                    + " process already spent: the store must be strongly consistent (compare-and-set, and reads"
                    + " that see the last write).", null, null, 0, true, null);
        }
        RefreshTokenGrant grant = new RefreshTokenGrant(shared.clientId(), shared.clientSecret(),
                new Secret(refreshToken), boxUserId);
        StoredTokens current = leased;
        for (int attempt = 1; ; attempt++) {
            TokenResponse response;
            try {
                response = shared.refresher().exchange(grant);
            } catch (BoxTokenException e) {
                if ("invalid_grant".equals(e.error().orElse(null))) {
                    spent.add(refreshToken);
                    return afterRefusal(current, e);
                }
                if (!e.isRetryable() || attempt >= REFRESH_ATTEMPTS) {
                    release(current);
                    throw e;
                }
                pause(RetryPolicy.backoff(attempt, RETRY_BASE_DELAY, RETRY_MAX_DELAY), current);
                // Without an answer the request may have rotated the token at Box, or not. See the class
                // comment: re-read the store (the renewal is a compare-and-set against what we leased), and
                // resend the same token only if nobody stored a new pair meanwhile.
                StoredTokens renewed = current.withRefreshLease(
                        new RefreshLease(holderId, shared.clock().instant().plus(shared.leaseDuration())));
                if (!shared.store().compareAndSet(boxUserId, current, renewed)) {
                    LOG.log(DEBUG, () -> "The stored tokens of " + name + " changed during a refresh retry; using"
                            + " the store's");
                    return null;
                }
                current = renewed;
                int failed = attempt;
                LOG.log(DEBUG, () -> "Resending the refresh for " + name + " after attempt " + failed
                        + " got no answer from Box (" + e.httpStatus() + ")");
                continue;
            }
            String next = response.refreshToken();
            if (next != null) {
                spent.add(refreshToken);
            }
            // RFC 6749 6: without a new refresh token the old one stays valid. Box always sends one.
            StoredTokens fresh = new StoredTokens(response.accessToken().value(), response.accessToken().expiresAt(),
                    next != null ? next : refreshToken);
            return save(leased.refreshToken(), current, fresh);
        }
    }

    /**
     * Stores {@code fresh} over the pair whose refresh token was spent. The new pair is written before the old
     * one is forgotten, by one compare-and-set.
     */
    private StoredTokens save(String spentToken, StoredTokens expected, StoredTokens fresh) {
        while (true) {
            if (shared.store().compareAndSet(boxUserId, expected, fresh)) {
                return fresh;
            }
            Optional<StoredTokens> reloaded = shared.store().load(boxUserId);
            if (reloaded.isEmpty()) {
                // Signed out while we refreshed: the new pair must not bring the sign-in back, nor stay valid.
                shared.revoker().accept(new Secret(fresh.refreshToken()));
                throw notSignedIn("The user signed out while their token was being refreshed.", null);
            }
            StoredTokens now = reloaded.get();
            if (!now.refreshToken().equals(spentToken)) {
                // Another pair was stored meanwhile (a new sign-in, or another instance's refresh): it wins.
                LOG.log(DEBUG, () -> "Another pair was stored for " + name + " while it was refreshed; using it");
                return null;
            }
            // Only the lease changed (it lapsed and was taken over, or released): ours is still the successor
            // of the stored pair.
            expected = now;
        }
    }

    /**
     * After Box refused the refresh token: another instance may already hold its successor.
     *
     * @return {@code null} to adopt what the store now holds
     * @throws NotSignedInException when the store still holds the refused token
     */
    private StoredTokens afterRefusal(StoredTokens leased, BoxTokenException refusal) {
        Optional<StoredTokens> reloaded = shared.store().load(boxUserId);
        if (reloaded.isEmpty()) {
            throw notSignedIn("The user signed out while their token was being refreshed.", refusal);
        }
        StoredTokens now = reloaded.get();
        if (!now.refreshToken().equals(leased.refreshToken())) {
            LOG.log(DEBUG, () -> "Box refused a refresh token of " + name + " that another instance had already"
                    + " spent; using the pair it stored");
            return null;
        }
        refused = leased.refreshToken();
        RefreshLease lease = now.refreshLease();
        if (lease != null && lease.holder().equals(holderId)) {
            shared.store().compareAndSet(boxUserId, now, now.withoutRefreshLease());
        }
        LOG.log(INFO, () -> "Box refused the refresh token of " + name + " (invalid_grant): the user must sign in"
                + " again");
        throw notSignedIn("Box refused the refresh token (it was revoked, expired or used already): the user must"
                + " sign in again.", refusal);
    }

    private StoredTokens load() {
        if (detached) {
            throw notSignedIn("The user signed out.", null);
        }
        return shared.store().load(boxUserId)
                .orElseThrow(() -> notSignedIn("No tokens are stored for this user: they must sign in.", null));
    }

    /** Another instance refreshed, or the user signed in again: the stored token is new to us and not yet due. */
    private boolean isNewAndNotDue(StoredTokens stored, Instant now) {
        String token = stored.accessToken();
        return !token.equals(handedOut) && !token.equals(rejected)
                && now.isBefore(stored.accessTokenExpiresAt().minus(shared.refreshMargin()));
    }

    private boolean servable(StoredTokens stored, Instant now) {
        return !stored.accessToken().equals(rejected)
                && now.isBefore(stored.accessTokenExpiresAt().minus(SERVE_WHILE_REFRESHING));
    }

    private BoxAccessToken handOut(StoredTokens stored) {
        handedOut = stored.accessToken();
        return new BoxAccessToken(stored.accessToken(), stored.accessTokenExpiresAt());
    }

    private void release(StoredTokens leased) {
        // Best effort: if it fails, someone else changed the entry, or the lease simply lapses.
        shared.store().compareAndSet(boxUserId, leased, leased.withoutRefreshLease());
    }

    private void pause(Duration delay, StoredTokens leased) {
        try {
            shared.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (leased != null) {
                release(leased);
            }
            throw new BoxAuthException("Interrupted while refreshing the Box token for " + name, e);
        }
    }

    private NotSignedInException notSignedIn(String why, Throwable cause) {
        return new NotSignedInException(boxUserId, "Box user " + boxUserId + " is not signed in to client id "
                + shared.clientId() + ": " + why, cause);
    }

    @Override
    public String toString() {
        return "UserTokens[" + name + (detached ? ", signed out" : "") + "]";
    }
}
