package dev.boxauth.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BoxAuthCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void lifetime_isInMinutesFromTwoMinutesOn_roundedToTheNearest() {
        assertThat(BoxAuthCheck.lifetime(NOW.plusSeconds(3600), NOW.plusMillis(600)))
                .isEqualTo("issued, expires in 60 min (2026-11-30T11:00:00Z)");
        assertThat(BoxAuthCheck.lifetime(NOW.plusSeconds(120), NOW)).isEqualTo("issued, expires in 2 min (2026-11-30T10:02:00Z)");
    }

    @Test
    void lifetime_isInSecondsBelowTwoMinutes() {
        assertThat(BoxAuthCheck.lifetime(NOW.plusSeconds(119), NOW)).isEqualTo("issued, expires in 119 s (2026-11-30T10:01:59Z)");
    }

    @Test
    void lifetime_ofADeveloperToken_saysBoxDoesNotTellIt() {
        assertThat(BoxAuthCheck.lifetime(Instant.MAX, NOW)).startsWith("a developer token, whose expiry Box does not tell");
    }
}
