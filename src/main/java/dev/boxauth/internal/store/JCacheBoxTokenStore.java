package dev.boxauth.internal.store;

import dev.boxauth.oauth.BoxTokenStore;
import dev.boxauth.oauth.StoredTokens;
import dev.boxauth.oauth.StoredTokens.RefreshLease;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.cache.Cache;

/**
 * OAuth 2.0 users' tokens in a JCache cache that the instances of a cluster share: the
 * {@link BoxTokenStore} of {@code box.auth.store=jcache}. Each user's pair (and the refresh lease that
 * {@code UserTokens} keeps in it) is one entry, sealed by {@link TokenSeal} and bound to the entry, stored
 * as a {@code String} (the sealed bytes in base64), so that {@code replace(k, old, new)} compares values the
 * same way in every JCache provider, and no member needs box-auth's classes.
 *
 * <p>{@link #compareAndSet} is atomic across the cluster: it compares with the value it read, by
 * {@code replace}, {@code putIfAbsent} or {@code remove(k, old)}. A cache that fails throws
 * {@link StoreUnavailableException}: OAuth has no local fallback, because a single-use refresh token spent
 * by one instance alone would log the user out everywhere else.
 */
public final class JCacheBoxTokenStore implements BoxTokenStore {

    private final Cache<Object, Object> cache;
    private final TokenSeal seal;
    private final String clientId;
    private final StoreCalls calls;

    JCacheBoxTokenStore(Cache<Object, Object> cache, TokenSeal seal, String clientId, StoreCalls calls) {
        this.cache = cache;
        this.seal = seal;
        this.clientId = clientId;
        this.calls = calls;
    }

    @Override
    public Optional<StoredTokens> load(String boxUserId) {
        String entry = entry(boxUserId);
        return Optional.ofNullable(open(entry, calls.call(cache, () -> cache.get(entry))));
    }

    @Override
    public boolean compareAndSet(String boxUserId, StoredTokens expected, StoredTokens replacement) {
        String entry = entry(boxUserId);
        return calls.call(cache, () -> {
            Object current = cache.get(entry);
            if (!Objects.equals(open(entry, current), expected)) {
                return false;
            }
            if (replacement == null) {
                return current == null || cache.remove(entry, current);
            }
            String sealed = seal(entry, replacement);
            return current == null ? cache.putIfAbsent(entry, sealed) : cache.replace(entry, current, sealed);
        });
    }

    @Override
    public void remove(String boxUserId) {
        String entry = entry(boxUserId);
        calls.call(cache, () -> cache.remove(entry));
    }

    /** The entry of one user of this app: hashed, so the cache shows neither the client id nor the user. */
    private String entry(String boxUserId) {
        return SharedTokenSource.entryName("oauth " + clientId + " user " + boxUserId);
    }

    private String seal(String entry, StoredTokens tokens) {
        RefreshLease lease = tokens.refreshLease();
        // Instants in full, as compareAndSet compares what it reads with values made in memory.
        String text = String.join("\n", tokens.accessToken(), tokens.accessTokenExpiresAt().toString(),
                tokens.refreshToken(), lease == null ? "" : lease.holder(), lease == null ? "" : lease.until().toString());
        return Base64.getEncoder().encodeToString(seal.seal(entry, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The pair in {@code value}, or {@code null} when there is none or it does not open (another key, entry or cluster). */
    private StoredTokens open(String entry, Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        byte[] plain;
        try {
            plain = seal.open(entry, Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (plain == null) {
            return null;
        }
        String[] parts = new String(plain, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 5) {
            return null;
        }
        try {
            RefreshLease lease = parts[3].isEmpty() ? null : new RefreshLease(parts[3], Instant.parse(parts[4]));
            return new StoredTokens(parts[0], Instant.parse(parts[1]), parts[2], lease);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "JCacheBoxTokenStore[" + cache.getName() + ", client id " + clientId + ", sealing key "
                + seal.currentKeyId() + "]";
    }
}
