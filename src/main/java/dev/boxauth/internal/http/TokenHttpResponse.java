package dev.boxauth.internal.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What Box answered to one token request.
 *
 * @param status the HTTP status
 * @param body the body; may hold a token, so it never goes into a message or log
 * @param dateHeader the raw {@code Date} header, or {@code null}; read by {@link #date()} only when a clock
 *     error needs it (parsing every answer's cost about 20 µs, 2% of a refresh)
 * @param retryAfter the raw {@code Retry-After} header, or {@code null}
 */
public record TokenHttpResponse(int status, String body, String dateHeader, String retryAfter) {

    /** Box's clock from the {@code Date} header, or {@code null} when absent or unreadable. */
    public Instant date() {
        if (dateHeader == null) {
            return null;
        }
        // RFC 1123, as HTTP dates are sent; its day and month names are fixed English whatever the locale.
        try {
            return ZonedDateTime.parse(dateHeader.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "TokenHttpResponse[status=" + status + ", date=" + dateHeader + ", retryAfter=" + retryAfter + "]";
    }
}
