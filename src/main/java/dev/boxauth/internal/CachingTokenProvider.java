package dev.boxauth.internal;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.Downscope;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.cache.RefreshingTokenCache;
import java.util.concurrent.ExecutorService;

/** A provider over one token cache; owns the refresh executor when none was passed in. */
final class CachingTokenProvider implements BoxTokenProvider {

    private final String description;
    private final RefreshingTokenCache cache;
    private final ExecutorService ownedExecutor;

    CachingTokenProvider(String description, RefreshingTokenCache cache, ExecutorService ownedExecutor) {
        this.description = description;
        this.cache = cache;
        this.ownedExecutor = ownedExecutor;
    }

    @Override
    public String accessToken() {
        return cache.accessToken();
    }

    @Override
    public BoxAccessToken token() {
        return cache.token();
    }

    @Override
    public void invalidate(String rejectedToken) {
        cache.invalidate(rejectedToken);
    }

    @Override
    public BoxTokenProvider forUser(String userId) {
        throw new BoxAuthException("forUser is not implemented yet for " + description);
    }

    @Override
    public BoxAccessToken downscope(Downscope request) {
        throw new BoxAuthException("downscope is not implemented yet for " + description);
    }

    @Override
    public void revoke() {
        throw new BoxAuthException("revoke is not implemented yet for " + description);
    }

    @Override
    public void close() {
        cache.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "BoxTokenProvider[" + description + "]";
    }
}
