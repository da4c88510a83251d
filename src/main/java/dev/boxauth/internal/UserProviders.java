package dev.boxauth.internal;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.config.Subject;
import dev.boxauth.internal.grant.Grant;
import java.lang.System.Logger.Level;
import java.util.function.Function;

/**
 * The per-user providers of one app ({@link BoxTokenProvider#forUser}), each with its own cache, kept
 * in a bounded LRU map: a user's provider is made once whatever the number of concurrent callers, and
 * the least recently used one is closed when the map is full.
 */
final class UserProviders {

    private static final System.Logger LOG = System.getLogger("dev.boxauth");

    private final Wiring wiring;
    /**
     * The app's grant for a subject, a JWT assertion or client credentials with a user subject, made with
     * the credentials of the moment: asked again for every token request.
     */
    private final Function<Subject, Grant> grants;
    private final LruCache<String, CachingTokenProvider> providers;
    private final String owner;
    private volatile boolean closed;

    /** @param owner the configured provider's description, for messages */
    UserProviders(Wiring wiring, Function<Subject, Grant> grants, String owner) {
        this.wiring = wiring;
        this.grants = grants;
        this.owner = owner;
        this.providers = new LruCache<>(wiring.settings().initial().userCacheSize(), CachingTokenProvider::retire);
    }

    /**
     * @throws BoxAuthException when {@code userId} is not a Box user id
     * @throws IllegalStateException after {@link #closeAll}
     */
    BoxTokenProvider get(String userId) {
        if (!Subject.isBoxId(userId)) {
            throw new BoxAuthException("forUser(userId): userId must be a numeric Box user id, such as 123456 (the"
                    + " id of an App User or managed user), not a login or a name; asked of " + owner + ".");
        }
        if (closed) {
            throw closedException();
        }
        CachingTokenProvider provider = providers.get(userId, this::create);
        if (closed) {
            // Made while closeAll ran, perhaps after it drained the map: nobody else will close it.
            provider.close();
            throw closedException();
        }
        return provider;
    }

    void remove(String userId, CachingTokenProvider provider) {
        providers.remove(userId, provider);
    }

    /**
     * Closes every per-user provider; none is made afterwards.
     *
     * @param revoke whether to revoke their tokens (revoke on shutdown, while Box answers)
     * @return whether Box may still be reachable for a further revocation
     */
    boolean closeAll(boolean revoke) {
        closed = true;
        boolean reachable = revoke;
        for (CachingTokenProvider provider : providers.drain()) {
            reachable = provider.closeRevoking(reachable);
        }
        return reachable;
    }

    private CachingTokenProvider create(String userId) {
        Subject subject = Subject.user(userId);
        String description = grants.apply(subject).describe();
        // One line per user would flood the log of an application with many users: the app's line said it all.
        LOG.log(Level.DEBUG, () -> "Box auth: a provider for " + description);
        return new CachingTokenProvider(wiring, description,
                () -> wiring.requester().request(grants.apply(subject)), this, userId, null);
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("The Box token provider for " + owner + " is closed");
    }
}
