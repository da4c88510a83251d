package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Authorization codes from the consent page: single-use, and valid for 30 seconds. */
public final class AuthorizationCodes {

    /** Box says only "some seconds"; 30 is the emulator's choice, and what tests move the clock past. */
    static final Duration LIFETIME = Duration.ofSeconds(30);

    /** Box's text for a code that is unknown, another app's, or already used. */
    static final String INVALID = "Auth code doesn't exist or is invalid for the client";
    /** Box's text for a code presented too late. */
    static final String EXPIRED = "The authorization code has expired.";

    private final EmulatorClock clock;
    private final RandomIds random;
    /** Used codes stay, marked, so a second use is told apart from a made-up code. */
    private final Map<String, Code> codes = new ConcurrentHashMap<>();

    /**
     * One code and what it grants.
     *
     * @param redirectUri the {@code redirect_uri} the authorize request carried, {@code null} if none
     */
    public record Code(String clientId, String redirectUri, BoxUser user, Set<String> scopes, Instant expiresAt,
            AtomicBoolean used) {
    }

    public AuthorizationCodes(EmulatorClock clock, RandomIds random) {
        this.clock = clock;
        this.random = random;
    }

    /** A new code for {@code user}'s consent to {@code clientId}. */
    public String issue(String clientId, String redirectUri, BoxUser user, Set<String> scopes) {
        String code = random.alnum(32);
        codes.put(code, new Code(clientId, redirectUri, user, scopes, clock.now().plus(LIFETIME), new AtomicBoolean()));
        return code;
    }

    /**
     * Spends {@code code} of {@code clientId}. A code is spent once presented by its app, even when the
     * exchange then fails, so it can never be tried twice.
     *
     * @throws GrantRejected {@code code_invalid} for an unknown code or another app's, {@code code_reused},
     *     {@code code_expired}
     */
    public Code redeem(String clientId, String code) throws GrantRejected {
        Code found = code == null ? null : codes.get(code);
        if (found == null || !found.clientId().equals(clientId)) {
            throw GrantRejected.invalidGrant("code_invalid", INVALID);
        }
        if (!found.used().compareAndSet(false, true)) {
            throw GrantRejected.invalidGrant("code_reused", INVALID);
        }
        if (!clock.now().isBefore(found.expiresAt())) {
            throw GrantRejected.invalidGrant("code_expired", EXPIRED);
        }
        return found;
    }
}
