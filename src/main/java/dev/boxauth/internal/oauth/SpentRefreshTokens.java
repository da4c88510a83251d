package dev.boxauth.internal.oauth;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last refresh tokens Box answered for in this process (rotated or refused). None of them may be sent
 * again: Box has already invalidated them, and sending one anyway would only reach Box if the store handed
 * back an old value. Small and bounded: one user's refreshes run one at a time.
 */
final class SpentRefreshTokens {

    private static final int KEPT = 8;

    private final Deque<String> spent = new ArrayDeque<>();

    synchronized void add(String refreshToken) {
        if (!spent.contains(refreshToken)) {
            if (spent.size() == KEPT) {
                spent.removeFirst();
            }
            spent.addLast(refreshToken);
        }
    }

    synchronized boolean contains(String refreshToken) {
        return spent.contains(refreshToken);
    }
}
