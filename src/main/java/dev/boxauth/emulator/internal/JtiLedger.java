package dev.boxauth.emulator.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@code jti} presented per app. Entries are never dropped: a test may move the clock back,
 * and a replay must still be refused then.
 */
public final class JtiLedger {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** Records {@code jti} for {@code clientId}; {@code true} only the first time, even under races. */
    public boolean firstUse(String clientId, String jti) {
        return seen.add(clientId + '\n' + jti);
    }
}
