package dev.boxauth.internal.cdi;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which Box user each browser signed in as: an opaque random session id (the cookie) to a Box user id.
 * Held on the server, so the cookie carries nothing a browser could forge into another user's id.
 * Bounded: the least recently used sessions are forgotten first.
 */
final class OAuthSessions {

    private static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    /** Access-ordered, so the eldest entry is the least recently used. Small and rare: a lock is fine. */
    private final Map<String, String> users = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    /** A new session for the user; returns its id for the cookie. */
    synchronized String start(String boxUserId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        users.put(id, boxUserId);
        return id;
    }

    /** The Box user of a session, or {@code null}. */
    synchronized String user(String sessionId) {
        return sessionId == null ? null : users.get(sessionId);
    }

    synchronized void end(String sessionId) {
        users.remove(sessionId);
    }
}
