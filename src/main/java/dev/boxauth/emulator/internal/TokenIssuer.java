package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Issues access tokens and answers which user a token stands for. Shared by every grant. */
public final class TokenIssuer {

    /** Box's usual lifetime; clients must read {@code expires_in} rather than assume it. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(3600);

    private final EmulatorClock clock;
    private final RandomIds random;
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    /** Every token ever issued, revoked or not, so tests can look for them where they must not be. */
    private final Set<String> everIssued = ConcurrentHashMap.newKeySet();
    private volatile Duration lifetime = DEFAULT_LIFETIME;

    private record Issued(BoxUser subject, Instant expiresAt) {
    }

    /** A token just issued, and how long it lives. */
    public record IssuedToken(String accessToken, long expiresInSeconds) {

        /** The fields every token response has; grants that return more (refresh tokens) add to a copy. */
        public Map<String, Object> responseFields() {
            return Json.object("access_token", accessToken, "expires_in", expiresInSeconds,
                    "restricted_to", List.of(), "token_type", "bearer");
        }
    }

    public TokenIssuer(EmulatorClock clock, RandomIds random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * Sets the lifetime of tokens issued from now on.
     *
     * @throws IllegalArgumentException unless at least one second (expires_in counts whole seconds)
     */
    public void lifetime(Duration lifetime) {
        if (Objects.requireNonNull(lifetime, "lifetime").getSeconds() < 1) {
            throw new IllegalArgumentException("lifetime must be at least one second");
        }
        this.lifetime = lifetime;
    }

    /** Issues a token for {@code subject}, valid for the current lifetime on the emulator's clock. */
    public IssuedToken issue(BoxUser subject) {
        Duration life = lifetime;
        String token = random.secret();
        tokens.put(token, new Issued(subject, clock.now().plus(life)));
        everIssued.add(token);
        return new IssuedToken(token, life.getSeconds());
    }

    /** The subject of {@code accessToken}, or {@code null} if it is unknown, revoked or expired. */
    public BoxUser subjectOf(String accessToken) {
        Issued issued = accessToken == null ? null : tokens.get(accessToken);
        return issued != null && clock.now().isBefore(issued.expiresAt()) ? issued.subject() : null;
    }

    /** Every access token issued so far, including revoked and expired ones. */
    public Set<String> everIssued() {
        return Set.copyOf(everIssued);
    }

    /** Invalidates every token issued so far; later tokens are valid again. */
    public void revokeAll() {
        tokens.clear();
    }
}
