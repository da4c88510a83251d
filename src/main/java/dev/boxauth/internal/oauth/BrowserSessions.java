package dev.boxauth.internal.oauth;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Which Box user each browser signed in as: an opaque random session id (the browser's cookie) to a Box
 * user id, kept on the server side, so that the cookie carries nothing a browser could forge into another
 * user's id. A session ends when it is idle too long, when it reaches its lifetime, when the browser signs
 * out, or when all of its user's sessions are ended.
 */
public interface BrowserSessions {

    /** A new session of {@code boxUserId}; its id, for the cookie. */
    String start(String boxUserId, Instant now);

    /** The Box user of a live session, or {@code null} (no session, unknown, idle too long, too old, ended). */
    String user(String sessionId, Instant now);

    /** Ends one browser's session, on every instance. */
    void end(String sessionId);

    /** Ends every session {@code boxUserId} has, in every browser and on every instance. */
    void endAll(String boxUserId, Instant now);

    /** A new session id: 256 random bits, base64url, so that none can be guessed. */
    static String newId(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
