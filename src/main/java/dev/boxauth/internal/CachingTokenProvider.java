package dev.boxauth.internal;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.ConfigProblem;
import dev.boxauth.Downscope;
import dev.boxauth.internal.cache.RefreshingTokenCache;
import dev.boxauth.internal.cache.TokenSource;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.config.Subject;
import dev.boxauth.internal.grant.TokenExchangeGrant;
import dev.boxauth.internal.metrics.TokenMetrics;
import dev.boxauth.internal.token.TokenRevoker;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A provider over one token cache: the configured app and subject, or one user of the same app (from
 * {@link #forUser}). It also keeps its downscoped tokens, one cache per {@link Downscope}, and revokes
 * its token. The configured provider owns the per-user providers, the HTTP client and, when none was
 * passed in, the refresh executor.
 */
final class CachingTokenProvider implements BoxTokenProvider {

    private static final System.Logger LOG = System.getLogger("dev.boxauth");

    /** Downscoped parameter sets kept per provider; beyond this the least recently used one is dropped. */
    static final int MAX_DOWNSCOPES = 100;

    private final Wiring wiring;
    private final String description;
    private final RefreshingTokenCache cache;
    /**
     * One cache per parameter set, so that concurrent callers of the same scopes share one exchange. An
     * evicted cache is dropped, not closed: it holds no thread, and closing it would fail a caller that
     * is waiting on it.
     */
    private final LruCache<Downscope, RefreshingTokenCache> downscopes = new LruCache<>(MAX_DOWNSCOPES, cache -> { });
    /** The app's per-user providers, shared with them; {@code null} when the method cannot act as a user. */
    private final UserProviders users;
    /** The user this provider is for when it came from {@link #forUser}; {@code null} for the configured one. */
    private final String userId;
    /** Shuts down what the configured provider owns (its refresh pool, its HTTP client); {@code null} for others. */
    private final Runnable releaseResources;
    /** Reports the cached token's time left, for the configured provider only; {@code null} for the others. */
    private final TokenMetrics.Watch expiry;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Set before an evicted per-user provider is closed, so that a caller still holding it is served by its replacement. */
    private volatile boolean evicted;

    /**
     * @param users the app's per-user providers, or {@code null} when the method cannot act as a user
     * @param userId the user of a per-user provider, or {@code null}
     * @param releaseResources run once when closed: shuts down what this provider owns; or {@code null}
     */
    CachingTokenProvider(Wiring wiring, String description, TokenSource source, UserProviders users, String userId,
            Runnable releaseResources) {
        this.wiring = wiring;
        this.description = description;
        this.cache = wiring.newCache(description, source, wiring.maxWait());
        this.users = users;
        this.userId = userId;
        this.releaseResources = releaseResources;
        // The app's own token only: a series per user would grow with the users.
        this.expiry = userId == null ? watchExpiry(cache, wiring) : null;
    }

    /** Captures the cache, not {@code this}, which a collecting thread could otherwise see half-built. */
    private static TokenMetrics.Watch watchExpiry(RefreshingTokenCache cache, Wiring wiring) {
        Clock clock = wiring.clock();
        return wiring.metrics().watchExpiry(() -> {
            BoxAccessToken cached = cache.cached();
            return cached == null ? null : Duration.between(clock.instant(), cached.expiresAt());
        });
    }

    @Override
    public String accessToken() {
        try {
            return cache.accessToken();
        } catch (IllegalStateException closedCache) {
            return replacement(closedCache).accessToken();
        }
    }

    @Override
    public BoxAccessToken token() {
        try {
            return cache.token();
        } catch (IllegalStateException closedCache) {
            return replacement(closedCache).token();
        }
    }

    /** Also drops a downscoped token of this provider that the API rejected. */
    @Override
    public void invalidate(String rejectedToken) {
        try {
            cache.invalidate(rejectedToken);
        } catch (IllegalStateException closedCache) {
            replacement(closedCache).invalidate(rejectedToken);
            return;
        }
        downscopes.forEach(downscoped -> downscoped.invalidate(rejectedToken));
    }

    @Override
    public BoxTokenProvider forUser(String userId) {
        if (users == null) {
            throw new BoxAuthException("forUser needs JWT or the Client Credentials Grant: " + description
                    + " represents only the user who generated the developer token. Configure the app's JWT or"
                    + " Client Credentials (box.auth.method) to get tokens for its users.");
        }
        return users.get(userId);
    }

    @Override
    public BoxAccessToken downscope(Downscope request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            return replacement(closedException()).downscope(request);
        }
        RefreshingTokenCache downscoped = downscopes.get(request, this::newDownscopeCache);
        try {
            return downscoped.token();
        } catch (IllegalStateException closedCache) {
            return replacement(closedCache).downscope(request);
        }
    }

    /**
     * A downscoped token cannot be refreshed: each fetch exchanges this provider's token of that moment.
     * Its wait covers this provider's own token request too.
     */
    private RefreshingTokenCache newDownscopeCache(Downscope request) {
        return wiring.newCache(TokenExchangeGrant.describe(request, description),
                () -> wiring.requester().request(new TokenExchangeGrant(accessToken(), request, description)),
                wiring.maxWait().multipliedBy(2));
    }

    @Override
    public void revoke() {
        if (closed.get()) {
            replacement(closedException()).revoke();
            return;
        }
        TokenRevoker revoker = revoker();
        BoxAccessToken current = cache.cached();
        if (current == null) {
            return;
        }
        revoker.revoke(current.value(), description);
        // Only once Box confirmed: after a failure the caller still holds the token and may try again.
        cache.invalidate(current.value());
    }

    private TokenRevoker revoker() {
        TokenRevoker revoker = wiring.revoker();
        if (revoker == null) {
            throw new BoxAuthException("Revoking a token needs the app's client id and secret: set"
                    + " box.auth.client-id and box.auth.client-secret for " + description + ".");
        }
        return revoker;
    }

    @Override
    public void close() {
        closeRevoking(wiring.settings().initial().revokeOnShutdown());
    }

    /**
     * Closes this provider, and the per-user ones when it is the configured one; never throws.
     *
     * @param revoke whether to revoke the cached tokens first (best effort)
     * @return whether Box may still be reachable, so that a shutdown stops revoking after the first
     *     revocation that got no answer rather than waiting out the timeouts once per user
     */
    boolean closeRevoking(boolean revoke) {
        if (!closed.compareAndSet(false, true)) {
            return revoke;
        }
        boolean reachable = revoke;
        if (userId == null && users != null) {
            reachable = users.closeAll(reachable);
        }
        if (reachable) {
            reachable = revokeQuietly();
        }
        downscopes.drain().forEach(RefreshingTokenCache::close);
        if (expiry != null) {
            expiry.close();
        }
        cache.close();
        if (userId != null && !evicted) {
            users.remove(userId, this);
        }
        if (releaseResources != null) {
            releaseResources.run();
        }
        return reachable;
    }

    /** Evicted from the per-user map: closed without revoking (eviction is no shutdown), and replaced on use. */
    void retire() {
        evicted = true;
        closeRevoking(false);
    }

    /** @return {@code false} when Box gave no answer at all */
    private boolean revokeQuietly() {
        BoxAccessToken current = cache.cached();
        TokenRevoker revoker = current == null ? null : wiring.revoker();
        if (revoker == null) {
            return true;
        }
        try {
            revoker.revoke(current.value(), description);
            return true;
        } catch (BoxTokenException e) {
            LOG.log(Level.WARNING, () -> "Could not revoke the Box token on shutdown: " + e.getMessage());
            return e.httpStatus() != 0;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "Could not revoke the Box token for " + description + " on shutdown: "
                    + e.getClass().getSimpleName());
            return true;
        }
    }

    /** Where calls go once this provider is closed: to a per-user provider's replacement after an eviction. */
    private BoxTokenProvider replacement(IllegalStateException closedException) {
        if (!evicted) {
            throw closedException;
        }
        return users.get(userId);
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("The Box token provider for " + description + " is closed");
    }

    /** This provider's own token, last failure and configuration problems, for readiness checks; never fetches. */
    ProviderStatus status() {
        Settings settings = wiring.settings().initial();
        List<ConfigProblem> problems = wiring.settings().problems();
        return ProviderStatus.of(settings.method(), userId == null ? settings.subject() : Subject.user(userId),
                cache.status(), problems == null ? List.of() : problems);
    }

    /** Who the tokens are for: the client id, the method and the subject; never a secret. */
    String description() {
        return description;
    }

    @Override
    public String toString() {
        return "BoxTokenProvider[" + description + "]";
    }
}
