package dev.boxauth.emulator.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts by a string key (an error kind, a grant type, a user id). Thread-safe. */
public final class KeyedCounts {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** Counts one more under {@code key}. */
    public void add(String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The count under {@code key}; 0 for a key never seen. */
    public int get(String key) {
        AtomicInteger count = key == null ? null : counts.get(key);
        return count == null ? 0 : count.get();
    }

    /** A sorted snapshot of every key seen since the last clear. */
    public Map<String, Integer> snapshot() {
        Map<String, Integer> snapshot = new TreeMap<>();
        counts.forEach((key, count) -> snapshot.put(key, count.get()));
        return snapshot;
    }

    public void clear() {
        counts.clear();
    }
}
