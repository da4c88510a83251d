package dev.boxauth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Duration BASE = Duration.ofMillis(250);
    private static final Duration CAP = Duration.ofSeconds(10);

    @Test
    void backoff_isHalfOrMoreOfTheBaseDoubledPerRetry() {
        for (int i = 0; i < 200; i++) {
            assertThat(RetryPolicy.backoff(1, BASE, CAP)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
            assertThat(RetryPolicy.backoff(3, BASE, CAP)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }
    }

    @Test
    void backoff_ofALateRetry_isCappedAndNeverOverflows() {
        for (int attempt : new int[] {7, 30, 64, Integer.MAX_VALUE}) {
            assertThat(RetryPolicy.backoff(attempt, BASE, CAP)).isBetween(CAP.dividedBy(2), CAP);
        }
    }

    @Test
    void backoff_isRandom_soThatInstancesThatFailedTogetherDoNotRetryTogether() {
        assertThat(IntStream.range(0, 50).mapToObj(i -> RetryPolicy.backoff(4, BASE, CAP)).distinct()
                .count()).isGreaterThan(1);
    }

    @Test
    void backoff_ofAPolicy_usesItsOwnDelays() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(5));

        assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(policy.backoff(5)).isBetween(Duration.ofMillis(150), Duration.ofMillis(300));
    }
}
