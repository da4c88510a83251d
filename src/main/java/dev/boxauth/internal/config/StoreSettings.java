package dev.boxauth.internal.config;

import static dev.boxauth.BoxAuthProperties.STORE;
import static dev.boxauth.BoxAuthProperties.STORE_CACHE_NAME;
import static dev.boxauth.BoxAuthProperties.STORE_KEYS;
import static dev.boxauth.BoxAuthProperties.STORE_TIMEOUT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared token store of a cluster ({@code box.auth.store=jcache}).
 *
 * @param cacheName the JCache cache's name
 * @param keys the AES keys, the first of which encrypts; never empty
 * @param timeout how long one call into the cache may take
 */
public record StoreSettings(String cacheName, List<StoreKey> keys, Duration timeout) {

    static final String DEFAULT_CACHE_NAME = "box-auth-tokens";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern CACHE_NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");

    /** An AES key and the id stored beside what it encrypted; {@link #toString()} shows the id only. */
    public record StoreKey(String id, SecretKey key) {

        @Override
        public String toString() {
            return "StoreKey[" + id + "]";
        }
    }

    public StoreSettings {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a store needs a key");
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The store settings, or {@code null} for {@code local} (the default) and after a problem.
     *
     * @param property a property's value, {@code null} when unset
     * @param timeout the store timeout, read as every duration is; {@code null} after its problem
     */
    static StoreSettings read(UnaryOperator<String> property, Duration timeout, Problems problems) {
        String kind = property.apply(STORE);
        if (kind == null || kind.equalsIgnoreCase("local")) {
            for (String other : List.of(STORE_CACHE_NAME, STORE_KEYS, STORE_TIMEOUT)) {
                if (property.apply(other) != null) {
                    problems.add("BOXAUTH-040", other, "is set, but " + STORE + " is not jcache: set " + STORE
                            + "=jcache to share tokens through a JCache cache, or remove " + other + ".");
                }
            }
            return null;
        }
        if (!kind.toLowerCase(Locale.ROOT).equals("jcache")) {
            problems.add("BOXAUTH-040", STORE, "must be local (the default: each instance keeps its own tokens) or"
                    + " jcache (the instances share their tokens through a JCache cache).");
            return null;
        }
        String cacheName = property.apply(STORE_CACHE_NAME);
        if (cacheName == null) {
            cacheName = DEFAULT_CACHE_NAME;
        } else if (!CACHE_NAME.matcher(cacheName).matches()) {
            problems.add("BOXAUTH-040", STORE_CACHE_NAME, "must be a cache name of letters, digits and . _ - : /"
                    + " (default " + DEFAULT_CACHE_NAME + ").");
            return null;
        }
        List<StoreKey> keys = readKeys(property.apply(STORE_KEYS), problems);
        return keys == null || timeout == null ? null : new StoreSettings(cacheName, keys, timeout);
    }

    /** The keys, or {@code null} after a problem; the problem never shows a key. */
    private static List<StoreKey> readKeys(String value, Problems problems) {
        if (value == null) {
            problems.add("BOXAUTH-041", STORE_KEYS, "is not set: box.auth.store=jcache encrypts the tokens it shares."
                    + " Set it to id:key, the key 32 random bytes in base64 (openssl rand -base64 32), the same"
                    + " on every instance, for example k1:<key>.");
            return null;
        }
        List<StoreKey> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] entries = value.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            byte[] bytes = colon < 0 ? null : decode(entry.substring(colon + 1).strip());
            String which = "entry " + (i + 1) + (KEY_ID.matcher(id).matches() ? " (" + id + ")" : "");
            if (!KEY_ID.matcher(id).matches()) {
                problems.add("BOXAUTH-041", STORE_KEYS, which + " must be id:key, the id 1 to 32 letters, digits,"
                        + " dots, dashes or underscores.");
                return null;
            }
            if (bytes == null || (bytes.length != 16 && bytes.length != 24 && bytes.length != 32)) {
                problems.add("BOXAUTH-041", STORE_KEYS, which + ": the key must be 16, 24 or 32 bytes in base64"
                        + " (openssl rand -base64 32).");
                return null;
            }
            if (!ids.add(id)) {
                problems.add("BOXAUTH-041", STORE_KEYS, which + ": the id is used twice; each key needs its own.");
                return null;
            }
            keys.add(new StoreKey(id, new SecretKeySpec(bytes, "AES")));
        }
        return keys;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "StoreSettings[jcache " + cacheName + ", keys " + keys.stream().map(StoreKey::id).toList()
                + ", timeout " + timeout + "]";
    }
}
