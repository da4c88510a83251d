package dev.boxauth.internal.oauth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser sessions of one instance, in its memory: the callback and every later request must reach it
 * (sticky sessions). Bounded: past {@code capacity} the least recently used session is forgotten.
 */
public final class LocalBrowserSessions implements BrowserSessions {

    private record Session(String boxUserId, Instant started, Instant lastSeen) {
    }

    private final Duration idleTimeout;
    private final Duration lifetime;
    private final SecureRandom random;
    /** Access-ordered, so the eldest entry is the least recently used; guarded by itself. */
    private final LinkedHashMap<String, Session> sessions;

    public LocalBrowserSessions(Duration idleTimeout, Duration lifetime, int capacity, SecureRandom random) {
        this.idleTimeout = idleTimeout;
        this.lifetime = lifetime;
        this.random = random;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public String start(String boxUserId, Instant now) {
        String id = BrowserSessions.newId(random);
        synchronized (sessions) {
            sessions.put(id, new Session(boxUserId, now, now));
        }
        return id;
    }

    @Override
    public String user(String sessionId, Instant now) {
        if (sessionId == null) {
            return null;
        }
        synchronized (sessions) {
            Session session = sessions.get(sessionId);
            if (session == null) {
                return null;
            }
            if (!now.isBefore(session.lastSeen().plus(idleTimeout)) || !now.isBefore(session.started().plus(lifetime))) {
                sessions.remove(sessionId);
                return null;
            }
            sessions.put(sessionId, new Session(session.boxUserId(), session.started(), now));
            return session.boxUserId();
        }
    }

    @Override
    public void end(String sessionId) {
        synchronized (sessions) {
            sessions.remove(sessionId);
        }
    }

    @Override
    public void endAll(String boxUserId, Instant now) {
        synchronized (sessions) {
            sessions.values().removeIf(session -> session.boxUserId().equals(boxUserId));
        }
    }

    @Override
    public String toString() {
        synchronized (sessions) {
            return "LocalBrowserSessions[" + sessions.size() + " sessions]";
        }
    }
}
