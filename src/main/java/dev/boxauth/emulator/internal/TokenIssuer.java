package dev.boxauth.emulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Issues access tokens and answers what a token stands for. Shared by every grant. */
public final class TokenIssuer {

    /** Box's usual lifetime; clients must read {@code expires_in} rather than assume it. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(3600);

    private final EmulatorClock clock;
    private final RandomIds random;
    private final Counters counters;
    private final Map<String, ActiveToken> tokens = new ConcurrentHashMap<>();
    /**
     * Every token ever issued, revoked or not, in the order issued: so tests can look for them where they
     * must not be, and tell which came last.
     */
    private final Queue<String> everIssued = new ConcurrentLinkedQueue<>();
    private volatile Duration lifetime = DEFAULT_LIFETIME;

    /** A valid token's grant and when it expires on the emulator's clock. */
    public record ActiveToken(AccessGrant grant, Instant expiresAt) {
    }

    /** A token just issued, and how long it lives. */
    public record IssuedToken(String accessToken, long expiresInSeconds, AccessGrant grant) {

        /** The fields every token response has; grants that return more (refresh tokens) add to a copy. */
        public Map<String, Object> responseFields() {
            return Json.object("access_token", accessToken, "expires_in", expiresInSeconds,
                    "restricted_to", grant.restrictedTo(), "token_type", "bearer");
        }
    }

    public TokenIssuer(EmulatorClock clock, RandomIds random, Counters counters) {
        this.clock = clock;
        this.random = random;
        this.counters = counters;
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

    /** Issues a token for {@code grant}, valid for the current lifetime on the emulator's clock. */
    public IssuedToken issue(AccessGrant grant) {
        return issue(grant, null);
    }

    /**
     * Issues a token for {@code grant} that lives for the current lifetime, but not past {@code notAfter}
     * ({@code null}: no such bound).
     */
    public IssuedToken issue(AccessGrant grant, Instant notAfter) {
        Instant now = clock.now();
        Instant expiresAt = now.plus(lifetime);
        if (notAfter != null && notAfter.isBefore(expiresAt)) {
            expiresAt = notAfter;
        }
        String token = random.secret();
        tokens.put(token, new ActiveToken(grant, expiresAt));
        everIssued.add(token);
        counters.tokenFor(grant.subject().id());
        return new IssuedToken(token, Duration.between(now, expiresAt).getSeconds(), grant);
    }

    /** What {@code accessToken} stands for, or {@code null} if it is unknown, revoked or expired. */
    public ActiveToken lookup(String accessToken) {
        ActiveToken active = accessToken == null ? null : tokens.get(accessToken);
        return active != null && clock.now().isBefore(active.expiresAt()) ? active : null;
    }

    /** The grant of {@code accessToken} if it was issued and not revoked, expired or not; else {@code null}. */
    public AccessGrant grantOf(String accessToken) {
        ActiveToken active = accessToken == null ? null : tokens.get(accessToken);
        return active == null ? null : active.grant();
    }

    /** Invalidates {@code accessToken}; {@code false} if it was unknown or already revoked. */
    public boolean revoke(String accessToken) {
        return accessToken != null && tokens.remove(accessToken) != null;
    }

    /** Every access token issued so far, including revoked and expired ones, in the order issued. */
    public Set<String> everIssued() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(everIssued));
    }

    /** Invalidates every token issued so far; later tokens are valid again. */
    public void revokeAll() {
        tokens.clear();
    }
}
