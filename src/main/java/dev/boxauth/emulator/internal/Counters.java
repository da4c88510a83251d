package dev.boxauth.emulator.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** What the emulator saw, for tests to assert on. Thread-safe; every count starts at zero. */
public final class Counters {

    /** Every POST to the token endpoint, whatever the outcome. */
    public final AtomicInteger tokenRequests = new AtomicInteger();
    /** Successful token responses. */
    public final AtomicInteger tokensIssued = new AtomicInteger();
    /** Requests under {@code /2.0/}. */
    public final AtomicInteger apiRequests = new AtomicInteger();
    /** 401 answers from the API. */
    public final AtomicInteger apiUnauthorized = new AtomicInteger();
    /** Accepted TCP connections: proves whether a client reuses kept-alive connections. */
    public final AtomicInteger connectionsAccepted = new AtomicInteger();
    /** Refresh tokens presented again after they were rotated: the multi-node logout trap. */
    public final AtomicInteger refreshTokenReuse = new AtomicInteger();
    /** Successful token exchanges (downscoped tokens issued). */
    public final AtomicInteger tokenExchanges = new AtomicInteger();
    /** Revocation requests answered 200. */
    public final AtomicInteger revocations = new AtomicInteger();
    /** API requests that carried {@code As-User}, whatever the outcome. */
    public final AtomicInteger asUserRequests = new AtomicInteger();
    /** Token requests that carried {@code As-User}: a client bug, since the header belongs on API calls only. */
    public final AtomicInteger tokenRequestsWithAsUser = new AtomicInteger();

    private final KeyedCounts errors = new KeyedCounts();
    private final KeyedCounts grantTypes = new KeyedCounts();
    private final KeyedCounts tokensFor = new KeyedCounts();
    /** The {@code As-User} value of the latest API request, {@code null} when it carried none. */
    private volatile String lastAsUser;

    /** Counts one failure of {@code kind}. */
    public void error(String kind) {
        errors.add(kind);
    }

    /** How many failures of {@code kind} were counted; 0 for a kind never seen. */
    public int errors(String kind) {
        return errors.get(kind);
    }

    /** A sorted snapshot of every kind seen since the last reset. */
    public Map<String, Integer> errors() {
        return errors.snapshot();
    }

    /** Counts one token request with {@code grantType}. */
    public void grantType(String grantType) {
        grantTypes.add(grantType);
    }

    public int grantTypes(String grantType) {
        return grantTypes.get(grantType);
    }

    /** Counts one token issued for the user {@code userId}. */
    public void tokenFor(String userId) {
        tokensFor.add(userId);
    }

    public int tokensFor(String userId) {
        return tokensFor.get(userId);
    }

    /** Records the {@code As-User} header of an API request, {@code null} for none. */
    public void apiAsUser(String asUser) {
        lastAsUser = asUser;
        if (asUser != null) {
            asUserRequests.incrementAndGet();
        }
    }

    public String lastAsUser() {
        return lastAsUser;
    }

    /**
     * Sets every count back to zero. Not atomic across counters: a request in flight during the reset
     * may be counted partly before and partly after, which is harmless for tests that reset between
     * steps.
     */
    public void reset() {
        for (AtomicInteger count : new AtomicInteger[] {tokenRequests, tokensIssued, apiRequests, apiUnauthorized,
                connectionsAccepted, refreshTokenReuse, tokenExchanges, revocations, asUserRequests,
                tokenRequestsWithAsUser}) {
            count.set(0);
        }
        errors.clear();
        grantTypes.clear();
        tokensFor.clear();
        lastAsUser = null;
    }
}
