package dev.boxauth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.testing.Together;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LruCacheTest {

    private final List<String> evicted = new CopyOnWriteArrayList<>();
    private final AtomicInteger created = new AtomicInteger();

    private String make(String key) {
        created.incrementAndGet();
        return "value-" + key;
    }

    @Test
    void get_createsOnce_andEvictsTheLeastRecentlyUsedBeyondCapacity() {
        LruCache<String, String> cache = new LruCache<>(2, evicted::add);
        cache.get("a", this::make);
        cache.get("b", this::make);
        cache.get("a", this::make);

        cache.get("c", this::make);

        assertThat(evicted).containsExactly("value-b");
        assertThat(cache.size()).isEqualTo(2);
        assertThat(created.get()).isEqualTo(3);
        cache.get("a", this::make);
        assertThat(created.get()).isEqualTo(3);
    }

    @Test
    void get_atFiftyThousandEntries_eachEvictionLooksAtOneEntry_theLeastRecentlyUsed() {
        int capacity = 50_000;
        LruCache<Integer, Integer> cache = new LruCache<>(capacity, value -> evicted.add("value-" + value));
        for (int key = 0; key < capacity; key++) {
            cache.get(key, k -> k);
        }
        cache.get(0, k -> k);

        for (int key = capacity; key < capacity + 1_000; key++) {
            cache.get(key, k -> k);
        }

        assertThat(cache.evictionVisits()).as("entries looked at by 1,000 evictions").isEqualTo(1_000);
        assertThat(evicted).hasSize(1_000).startsWith("value-1", "value-2").endsWith("value-1000")
                .doesNotContain("value-0");
        assertThat(cache.size()).isEqualTo(capacity);
    }

    @Test
    void remove_onlyTheValueStillMapped() {
        LruCache<String, String> cache = new LruCache<>(5, evicted::add);
        cache.get("a", this::make);

        cache.remove("a", "another value");
        assertThat(cache.size()).isEqualTo(1);
        cache.remove("a", cache.get("a", this::make));
        assertThat(cache.size()).isZero();
        assertThat(evicted).isEmpty();
    }

    @Test
    void drain_empties_andReturnsEveryValue() {
        LruCache<String, String> cache = new LruCache<>(5, evicted::add);
        cache.get("a", this::make);
        cache.get("b", this::make);

        assertThat(cache.drain()).containsExactlyInAnyOrder("value-a", "value-b");
        assertThat(cache.size()).isZero();
    }

    @Test
    void get_sixtyFourConcurrentMissesOfOneKey_createOneValue() throws Exception {
        LruCache<String, String> cache = new LruCache<>(10, evicted::add);
        assertThat(Together.call(64, () -> cache.get("same", this::make))).containsOnly("value-same");
        assertThat(created.get()).isEqualTo(1);
    }

    @Test
    void get_concurrentMissesOfManyKeys_stayWithinCapacity_andEveryValueMadeIsKeptOrEvicted() throws Exception {
        LruCache<String, String> cache = new LruCache<>(10, evicted::add);
        AtomicInteger keys = new AtomicInteger();
        Together.call(64, () -> cache.get("k" + keys.incrementAndGet(), this::make));
        assertThat(cache.size()).isEqualTo(10);
        assertThat(evicted).hasSize(54).doesNotHaveDuplicates();
        assertThat(created.get()).isEqualTo(64);
    }
}
