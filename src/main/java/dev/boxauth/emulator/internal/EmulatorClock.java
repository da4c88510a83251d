package dev.boxauth.emulator.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Box's clock as the emulator shows it: a base clock plus an adjustable offset. Every time-based
 * decision (assertion {@code exp}, token expiry) and the {@code Date} field read it, so a test moves
 * time by changing the offset instead of sleeping.
 */
public final class EmulatorClock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    /** @param base the system clock in production; a fixed clock in tests that need exact boundaries */
    public EmulatorClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** The current instant on the emulator's clock. */
    public Instant now() {
        return base.instant().plus(offset);
    }

    /** Sets how far the emulator's clock runs ahead of (positive) or behind (negative) the base clock. */
    public void offset(Duration offset) {
        this.offset = Objects.requireNonNull(offset, "offset");
    }
}
