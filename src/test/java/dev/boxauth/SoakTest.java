package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.testing.Herd;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 64 threads ask for a token for two minutes ({@code -Dboxauth.soak.seconds} to change it) while the
 * emulator's tokens live 4 s, so the token turns stale about every 2 s: no call may fail, and every
 * token request must yield a token that callers then use (but the last, which may come after they stop),
 * which is one request per expiry.
 */
class SoakTest {

    private static final int THREADS = 64;
    private static final Duration LIFETIME = Duration.ofSeconds(4);

    @Test
    @Timeout(600)
    void sixtyFourThreadsForTwoMinutes_withTokensExpiringEveryFewSeconds_neverFail_andCostOneRequestPerExpiry()
            throws Exception {
        long seconds = Long.getLong("boxauth.soak.seconds", 120);
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.createJwtApp();
            box.tokenLifetime(LIFETIME);
            Herd.Result herd;
            try (BoxTokenProvider provider = BoxAuth.fromProperties(Map.of("box.auth.config", app.configJson(),
                    "box.auth.token-url", box.tokenUrl()))) {
                // Paced, so that 64 threads on two cores leave time for the refresh and the emulator.
                herd = Herd.run(provider, THREADS, Duration.ofSeconds(seconds), Duration.ofNanos(200_000));
            }
            int requests = box.tokenRequests();
            System.out.printf("Soak: %d threads, %d s, %d calls, %d failures, %d token requests, %d tokens used%n",
                    THREADS, seconds, herd.calls(), herd.failures(), requests, herd.tokens().size());
            assertThat(herd.failures()).isZero();
            assertThat(box.errors()).as("token requests the emulator refused").isEmpty();
            List<String> issued = List.copyOf(box.issuedAccessTokens());
            assertThat(issued.size()).as("tokens issued, against token requests").isEqualTo(requests);
            // A refresh that one of the last calls started may end after every thread has stopped calling:
            // only the token issued last may go unused.
            List<Integer> unused = IntStream.range(0, issued.size())
                    .filter(i -> !herd.tokens().contains(issued.get(i))).boxed().toList();
            assertThat(unused).as("tokens never used, by their place among the %d issued", issued.size())
                    .isSubsetOf(issued.size() - 1);
            // A token turns stale after half its life (less up to 10 % jitter): about one request per 2 s.
            assertThat(requests).isBetween((int) (seconds / LIFETIME.toSeconds()),
                    (int) (seconds * 2 / LIFETIME.toSeconds() * 1.15) + 1);
        }
    }
}
