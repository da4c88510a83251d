package dev.boxauth.internal.oauth;

import java.time.Instant;

/**
 * Remembers which sign-in states were used, until they expire, so that each is accepted once: in this
 * instance's memory, or in a store that every instance of a cluster shares.
 */
public interface UsedSignInStates {

    /**
     * Records that {@code state} is being used now.
     *
     * @param expiresAt when the state expires: it need not be remembered after that
     * @return {@code true} the first time, {@code false} when it was used before
     */
    boolean firstUse(String state, Instant expiresAt, Instant now);
}
