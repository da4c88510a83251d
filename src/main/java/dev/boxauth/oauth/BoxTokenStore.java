package dev.boxauth.oauth;

import java.util.Optional;

/**
 * Where signed-in users' tokens live, keyed by Box user id. Shared by every instance of an application
 * that serves the same users, so that they all refresh one chain of single-use refresh tokens.
 *
 * <p>Implementations must be thread-safe and strongly consistent: {@link #compareAndSet} must be atomic
 * across every instance that shares the store, and a {@link #load} after a successful
 * {@code compareAndSet} must see it. {@link InMemoryBoxTokenStore} serves one JVM; a cluster store maps
 * the three methods onto, for example, JCache's {@code get}, {@code replace(k, old, new)},
 * {@code putIfAbsent}, {@code remove(k, old)} and {@code remove(k)}.
 *
 * <p>Values hold secrets: stores must not log them; a persistent store should encrypt them at rest.
 */
public interface BoxTokenStore {

    /** What is stored for {@code boxUserId}, or empty when the user is not signed in. */
    Optional<StoredTokens> load(String boxUserId);

    /**
     * Atomically replaces what is stored for {@code boxUserId} if it equals {@code expected}.
     *
     * @param expected the value that must be stored now ({@link StoredTokens#equals}), or {@code null} to
     *     require that nothing is stored
     * @param replacement the new value, or {@code null} to remove the entry
     * @return whether the replacement happened; {@code false} when someone else changed the entry first
     */
    boolean compareAndSet(String boxUserId, StoredTokens expected, StoredTokens replacement);

    /** Removes whatever is stored for {@code boxUserId}; does nothing when there is nothing. */
    void remove(String boxUserId);
}
