package dev.boxauth.internal.oauth;

import dev.boxauth.oauth.SignInException;
import dev.boxauth.oauth.SignInException.Reason;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code state}s of sign-ins in progress: issued at random, accepted once, forgotten after their
 * lifetime. A used state is kept until it would have expired, so that a replayed callback is told apart
 * from an unknown one.
 *
 * <p>Thread-safe. Bounded: past {@code capacity} the oldest states are forgotten, so that anonymous
 * requests to the sign-in page cannot exhaust memory.
 */
final class SignInStates {

    /** 256 bits: guessing one of the states in flight is hopeless. */
    private static final int STATE_BYTES = 32;

    private final SecureRandom random;
    private final Duration lifetime;
    private final int capacity;
    /** In issue order, which is also expiry order since every state lives as long; guarded by itself. */
    private final LinkedHashMap<String, Pending> states = new LinkedHashMap<>();

    private record Pending(Instant expiresAt, boolean used) {
    }

    SignInStates(SecureRandom random, Duration lifetime, int capacity) {
        this.random = random;
        this.lifetime = lifetime;
        this.capacity = capacity;
    }

    String issue(Instant now) {
        byte[] bytes = new byte[STATE_BYTES];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (states) {
            forgetExpired(now);
            while (states.size() >= capacity) {
                Iterator<String> eldest = states.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            states.put(state, new Pending(now.plus(lifetime), false));
        }
        return state;
    }

    /**
     * Marks {@code state} used.
     *
     * @throws SignInException when it is missing, unknown, used before or expired
     */
    void consume(String state, Instant now) {
        if (state == null || state.isBlank()) {
            throw new SignInException(Reason.STATE_MISSING, "The sign-in callback has no state parameter: start"
                    + " the sign-in again.", null);
        }
        Pending pending;
        synchronized (states) {
            pending = states.get(state);
            if (pending != null && !pending.used()) {
                states.put(state, new Pending(pending.expiresAt(), true));
            }
        }
        if (pending == null) {
            throw new SignInException(Reason.STATE_UNKNOWN, "The sign-in callback's state was not issued by this"
                    + " application instance, or was forgotten: start the sign-in again (in a cluster, the"
                    + " callback must reach the instance that started the sign-in).", null);
        }
        if (pending.used()) {
            throw new SignInException(Reason.STATE_REUSED, "The sign-in callback's state was used already: a"
                    + " callback is accepted once. Start the sign-in again.", null);
        }
        if (!now.isBefore(pending.expiresAt())) {
            throw new SignInException(Reason.STATE_EXPIRED, "The sign-in took longer than " + lifetime
                    + " (signInTimeout): start it again.", null);
        }
    }

    int size() {
        synchronized (states) {
            return states.size();
        }
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<String, Pending>> entries = states.entrySet().iterator();
        while (entries.hasNext()) {
            if (now.isBefore(entries.next().getValue().expiresAt())) {
                return;
            }
            entries.remove();
        }
    }
}
