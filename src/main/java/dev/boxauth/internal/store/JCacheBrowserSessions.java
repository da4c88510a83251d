package dev.boxauth.internal.store;

import dev.boxauth.BoxAuthException;
import dev.boxauth.internal.oauth.BrowserSessions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;

/**
 * The browser sessions of a cluster, in a JCache cache of their own beside the token cache: any instance
 * serves any browser. The cache's accessed-expiry policy of the idle timeout ends idle sessions; the
 * lifetime is checked against the start kept in the value. An entry's key is a hash of the session id, so
 * the cache holds nothing a browser could present. Ending all of a user's sessions writes the instant
 * before which they began; reading a session reads it too, so both stay alive exactly as long as they
 * matter.
 */
public final class JCacheBrowserSessions implements BrowserSessions {

    private final Cache<Object, Object> cache;
    private final Duration lifetime;
    private final SecureRandom random;
    private final StoreCalls calls;

    private JCacheBrowserSessions(Cache<Object, Object> cache, Duration lifetime, SecureRandom random,
            StoreCalls calls) {
        this.cache = cache;
        this.lifetime = lifetime;
        this.random = random;
        this.calls = calls;
    }

    /**
     * The sessions cache next to {@code tokens}: {@code <tokens' name>-sessions} in the same manager, created
     * (with the idle timeout as its expiry policy) by whichever instance comes first.
     *
     * @throws BoxAuthException when the manager cannot give it
     */
    public static JCacheBrowserSessions beside(Cache<?, ?> tokens, Duration idleTimeout, Duration lifetime,
            StoreCalls calls) {
        String name = tokens.getName() + "-sessions";
        try {
            return new JCacheBrowserSessions(JCaches.getOrCreate(tokens.getCacheManager(), name,
                    new MutableConfiguration<>().setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, idleTimeout.toMillis())))),
                    lifetime, new SecureRandom(), calls);
        } catch (RuntimeException e) {
            throw new BoxAuthException("box.auth.store=jcache: cannot get the JCache cache " + name + " for"
                    + " browser sessions (" + e.getClass().getSimpleName() + ").", e);
        }
    }

    @Override
    public String start(String boxUserId, Instant now) {
        String id = BrowserSessions.newId(random);
        calls.call(cache, () -> {
            cache.put(sessionKey(id), now.toEpochMilli() + "|" + boxUserId);
            return null;
        });
        return id;
    }

    @Override
    public String user(String sessionId, Instant now) {
        if (sessionId == null || sessionId.isEmpty()) {
            return null;
        }
        return calls.call(cache, () -> {
            if (!(cache.get(sessionKey(sessionId)) instanceof String session) || session.indexOf('|') < 0) {
                return null;
            }
            long started = Long.parseLong(session.substring(0, session.indexOf('|')));
            String boxUserId = session.substring(session.indexOf('|') + 1);
            Object endedBefore = cache.get(userKey(boxUserId));
            if (now.toEpochMilli() >= started + lifetime.toMillis()
                    || endedBefore instanceof Long before && started <= before) {
                cache.remove(sessionKey(sessionId));
                return null;
            }
            return boxUserId;
        });
    }

    @Override
    public void end(String sessionId) {
        calls.call(cache, () -> cache.remove(sessionKey(sessionId)));
    }

    @Override
    public void endAll(String boxUserId, Instant now) {
        calls.call(cache, () -> {
            cache.put(userKey(boxUserId), now.toEpochMilli());
            return null;
        });
    }

    private static String sessionKey(String sessionId) {
        return SharedTokenSource.entryName("browser session " + sessionId);
    }

    private static String userKey(String boxUserId) {
        return SharedTokenSource.entryName("sessions of user " + boxUserId);
    }

    @Override
    public String toString() {
        return "JCacheBrowserSessions[" + cache.getName() + "]";
    }
}
