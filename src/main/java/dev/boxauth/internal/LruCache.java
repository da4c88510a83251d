package dev.boxauth.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A map bounded to its capacity by evicting the least recently used entries. A hit is a lock-free map
 * read and one write to that entry's own time stamp, so callers for different keys never contend; only
 * a miss that overflows the map takes the eviction lock, to scan the (small) map for the oldest entry.
 */
public final class LruCache<K, V> {

    private final int capacity;
    /** Told about each evicted value after it left the map, outside the eviction lock. */
    private final Consumer<V> onEvict;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** One eviction scan at a time, so that two overflowing misses do not both evict for the same overflow. */
    private final Object evictionLock = new Object();

    public LruCache(int capacity, Consumer<V> onEvict) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.onEvict = onEvict;
    }

    /** The value for {@code key}, created by {@code create} (once, whatever the number of callers) on a miss. */
    public V get(K key, Function<? super K, ? extends V> create) {
        Entry<V> entry = entries.get(key);
        if (entry != null) {
            entry.lastUsed = System.nanoTime();
            return entry.value;
        }
        entry = entries.computeIfAbsent(key, k -> new Entry<>(create.apply(k)));
        evictBeyondCapacity();
        return entry.value;
    }

    /** Removes {@code key} if it still maps to {@code value}. */
    void remove(K key, V value) {
        entries.computeIfPresent(key, (k, entry) -> entry.value == value ? null : entry);
    }

    /** Removes every entry and returns the values, for closing them. */
    List<V> drain() {
        List<V> values = new ArrayList<>();
        for (K key : entries.keySet()) {
            Entry<V> entry = entries.remove(key);
            if (entry != null) {
                values.add(entry.value);
            }
        }
        return values;
    }

    public void forEach(Consumer<V> action) {
        entries.values().forEach(entry -> action.accept(entry.value));
    }

    int size() {
        return entries.size();
    }

    private void evictBeyondCapacity() {
        if (entries.size() <= capacity) {
            return;
        }
        List<V> evicted = new ArrayList<>();
        synchronized (evictionLock) {
            while (entries.size() > capacity) {
                Map.Entry<K, Entry<V>> oldest = null;
                for (Map.Entry<K, Entry<V>> candidate : entries.entrySet()) {
                    if (oldest == null || candidate.getValue().lastUsed - oldest.getValue().lastUsed < 0) {
                        oldest = candidate;
                    }
                }
                if (oldest != null && entries.remove(oldest.getKey(), oldest.getValue())) {
                    evicted.add(oldest.getValue().value);
                }
            }
        }
        evicted.forEach(onEvict);
    }

    private static final class Entry<V> {

        final V value;
        /** {@link System#nanoTime()} of the last use; compared by difference, as nanoTime requires. */
        volatile long lastUsed = System.nanoTime();

        Entry(V value) {
            this.value = value;
        }
    }
}
