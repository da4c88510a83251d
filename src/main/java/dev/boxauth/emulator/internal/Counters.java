package dev.boxauth.emulator.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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

    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

    /** Counts one failed token request of {@code kind}. */
    public void error(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    /** How many failures of {@code kind} were counted; 0 for a kind never seen. */
    public int errors(String kind) {
        AtomicInteger count = errors.get(kind);
        return count == null ? 0 : count.get();
    }

    /** A sorted snapshot of every kind seen since the last reset. */
    public Map<String, Integer> errors() {
        Map<String, Integer> snapshot = new TreeMap<>();
        errors.forEach((kind, count) -> snapshot.put(kind, count.get()));
        return snapshot;
    }

    /**
     * Sets every count back to zero. Not atomic across counters: a request in flight during the reset
     * may be counted partly before and partly after, which is harmless for tests that reset between
     * steps.
     */
    public void reset() {
        tokenRequests.set(0);
        tokensIssued.set(0);
        apiRequests.set(0);
        apiUnauthorized.set(0);
        connectionsAccepted.set(0);
        errors.clear();
    }
}
