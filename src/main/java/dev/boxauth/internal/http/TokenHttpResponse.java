package dev.boxauth.internal.http;

import java.time.Instant;

/**
 * What Box answered to one token request.
 *
 * @param status the HTTP status
 * @param body the body; may hold a token, so it never goes into a message or log
 * @param date Box's clock from the {@code Date} header, or {@code null} when absent or unreadable
 * @param retryAfter the raw {@code Retry-After} header, or {@code null}
 */
public record TokenHttpResponse(int status, String body, Instant date, String retryAfter) {

    @Override
    public String toString() {
        return "TokenHttpResponse[status=" + status + ", date=" + date + ", retryAfter=" + retryAfter + "]";
    }
}
