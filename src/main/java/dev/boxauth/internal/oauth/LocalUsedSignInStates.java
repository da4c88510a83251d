package dev.boxauth.internal.oauth;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The used sign-in states of one instance, each until it expires. Only states that passed their signature
 * check come here, so only completed sign-ins fill it; past {@code capacity} the oldest are forgotten.
 */
final class LocalUsedSignInStates implements UsedSignInStates {

    private final int capacity;
    /** In the order they were used; guarded by itself. */
    private final LinkedHashMap<String, Instant> used = new LinkedHashMap<>();

    LocalUsedSignInStates(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public boolean firstUse(String state, Instant expiresAt, Instant now) {
        synchronized (used) {
            Iterator<Map.Entry<String, Instant>> oldest = used.entrySet().iterator();
            while (oldest.hasNext()) {
                Map.Entry<String, Instant> entry = oldest.next();
                if (now.isBefore(entry.getValue()) && used.size() < capacity) {
                    break;
                }
                oldest.remove();
            }
            return used.putIfAbsent(state, expiresAt) == null;
        }
    }

    int size() {
        synchronized (used) {
            return used.size();
        }
    }
}
