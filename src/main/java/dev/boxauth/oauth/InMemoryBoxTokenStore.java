package dev.boxauth.oauth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link BoxTokenStore} in this JVM's memory. Enough for a single instance, or for several
 * {@link BoxOAuth} instances in one JVM; tokens are lost on restart, so users sign in again then.
 * Thread-safe.
 */
public final class InMemoryBoxTokenStore implements BoxTokenStore {

    private final ConcurrentMap<String, StoredTokens> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredTokens> load(String boxUserId) {
        return Optional.ofNullable(tokens.get(Objects.requireNonNull(boxUserId, "boxUserId")));
    }

    @Override
    public boolean compareAndSet(String boxUserId, StoredTokens expected, StoredTokens replacement) {
        Objects.requireNonNull(boxUserId, "boxUserId");
        if (expected == null) {
            return replacement == null ? !tokens.containsKey(boxUserId) : tokens.putIfAbsent(boxUserId, replacement) == null;
        }
        return replacement == null ? tokens.remove(boxUserId, expected) : tokens.replace(boxUserId, expected, replacement);
    }

    @Override
    public void remove(String boxUserId) {
        tokens.remove(Objects.requireNonNull(boxUserId, "boxUserId"));
    }

    /** How many users have tokens stored. */
    public int size() {
        return tokens.size();
    }

    @Override
    public String toString() {
        return "InMemoryBoxTokenStore[" + tokens.size() + " users]";
    }
}
