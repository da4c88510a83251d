package dev.boxauth;

import java.util.Optional;

/**
 * Box did not issue a token, or could not be reached.
 *
 * <p>Carries Box's {@code error} and {@code error_description}, the HTTP status, and whether trying
 * again later can help. Never carries the response body or anything that was sent.
 */
public class BoxTokenException extends BoxAuthException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String errorDescription;
    private final int httpStatus;
    private final boolean retryable;

    /**
     * @param message what failed and what to do, without secrets
     * @param error Box's {@code error} code, or {@code null} when there was no JSON error
     * @param errorDescription Box's {@code error_description}, or {@code null}
     * @param httpStatus the HTTP status, or 0 when no response arrived
     * @param retryable whether the same request may succeed later (rate limit, server or network error)
     * @param cause the underlying failure, or {@code null}
     */
    public BoxTokenException(String message, String error, String errorDescription, int httpStatus,
            boolean retryable, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.errorDescription = errorDescription;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
    }

    /** Box's {@code error} code, such as {@code invalid_grant}. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** Box's {@code error_description}. */
    public Optional<String> errorDescription() {
        return Optional.ofNullable(errorDescription);
    }

    /** The HTTP status of Box's answer, or 0 when none arrived (timeout, connection refused). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether trying again later may succeed; {@code false} means the configuration must change. */
    public boolean isRetryable() {
        return retryable;
    }
}
