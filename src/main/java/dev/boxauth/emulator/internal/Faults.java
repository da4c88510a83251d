package dev.boxauth.emulator.internal;

/** The failures a {@link FaultSchedule} can script: Box's own error answers (5xx, 429). */
public final class Faults {

    private Faults() {
    }

    /**
     * Server error {@code status} in Box's client error shape.
     *
     * @throws IllegalArgumentException if {@code status} is not 500 to 599
     */
    public static FaultSchedule.Fault serverError(ApiErrors errors, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("status must be a 5xx server error, was " + status);
        }
        return () -> errors.serverError(status);
    }

    /** 429 with {@code Retry-After} sent verbatim, or none when {@code null}. */
    public static FaultSchedule.Fault rateLimited(ApiErrors errors, String retryAfter) {
        return () -> {
            HttpResponse response = errors.rateLimited();
            return retryAfter == null ? response : response.withHeader("Retry-After", retryAfter);
        };
    }
}
