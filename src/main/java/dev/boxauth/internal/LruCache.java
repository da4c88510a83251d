package dev.boxauth.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A map bounded to its capacity by evicting the least recently used entries. Values live in a concurrent
 * map, so a value is created once per key without a global lock; the order of use is a linked map in
 * access order under one lock, so a hit relinks one entry and an eviction takes the eldest: O(1) each,
 * whatever the size. Evicted values are handed to {@code onEvict} after the lock is released.
 */
public final class LruCache<K, V> {

    private final int capacity;
    /** Told about each evicted value after it left the map, outside the lock. */
    private final Consumer<V> onEvict;
    /** Every value; {@code computeIfAbsent} makes each once, whatever the number of callers. */
    private final ConcurrentHashMap<K, Entry<K, V>> entries = new ConcurrentHashMap<>();
    /**
     * The entries of {@link #entries} in order of use, eldest first. An entry is removed from both maps
     * under {@link #lock}, and added here only while {@link #entries} still maps its key to it, so this
     * never holds an entry that left {@link #entries}; an entry just made is in {@link #entries} a moment
     * before it is here.
     */
    private final LinkedHashMap<K, Entry<K, V>> order = new LinkedHashMap<>(16, 0.75f, true);
    private final Object lock = new Object();
    /** Entries eviction looked at, guarded by {@link #lock}: the proof, for tests, that eviction does not scan. */
    private long evictionVisits;

    public LruCache(int capacity, Consumer<V> onEvict) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.onEvict = onEvict;
    }

    /** The value for {@code key}, created by {@code create} (once, whatever the number of callers) on a miss. */
    public V get(K key, Function<? super K, ? extends V> create) {
        Entry<K, V> entry = entries.get(key);
        if (entry != null) {
            synchronized (lock) {
                // Relinks the entry as the most recent; null (and nothing changed) if it was evicted meanwhile.
                order.get(key);
            }
            return entry.value;
        }
        entry = entries.computeIfAbsent(key, k -> new Entry<>(k, create.apply(k)));
        List<V> evicted = new ArrayList<>();
        synchronized (lock) {
            // Every caller that missed links it (a second put only relinks), unless it was removed meanwhile.
            if (entries.get(key) == entry) {
                order.put(key, entry);
            }
            Iterator<Entry<K, V>> eldest = order.values().iterator();
            while (order.size() > capacity) {
                Entry<K, V> oldest = eldest.next();
                evictionVisits++;
                eldest.remove();
                entries.remove(oldest.key, oldest);
                evicted.add(oldest.value);
            }
        }
        evicted.forEach(onEvict);
        return entry.value;
    }

    /** Removes {@code key} if it still maps to {@code value}. */
    void remove(K key, V value) {
        synchronized (lock) {
            Entry<K, V> entry = entries.get(key);
            if (entry != null && entry.value == value) {
                entries.remove(key, entry);
                order.remove(key);
            }
        }
    }

    /** Removes every entry and returns the values, for closing them. */
    List<V> drain() {
        List<V> values = new ArrayList<>();
        synchronized (lock) {
            for (K key : entries.keySet()) {
                Entry<K, V> entry = entries.remove(key);
                if (entry != null) {
                    order.remove(key);
                    values.add(entry.value);
                }
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

    /** How many entries evictions have looked at so far: one per eviction. */
    long evictionVisits() {
        synchronized (lock) {
            return evictionVisits;
        }
    }

    private static final class Entry<K, V> {

        final K key;
        final V value;

        Entry(K key, V value) {
            this.key = key;
            this.value = value;
        }
    }
}
