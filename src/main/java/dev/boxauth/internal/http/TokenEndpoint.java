package dev.boxauth.internal.http;

import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Box's token endpoint, or its revoke endpoint: the seam between what a request means and HTTP. */
public interface TokenEndpoint {

    /**
     * Posts one form and returns Box's answer, whatever its status.
     *
     * @param atMost how long the whole exchange may take at most (what is left of the caller's deadline);
     *     the endpoint's own connect and read timeouts bound it too
     * @throws IOException when no complete answer arrived (connection refused, timeout, TLS failure, a body
     *     over the cap: {@link BodyTooLargeException})
     */
    TokenHttpResponse post(Map<String, String> form, Duration atMost) throws IOException, InterruptedException;

    /** {@link #post(Map, Duration)} bounded by the endpoint's own connect and read timeouts alone. */
    default TokenHttpResponse post(Map<String, String> form) throws IOException, InterruptedException {
        return post(form, ChronoUnit.FOREVER.getDuration());
    }

    /** Where the requests go, for messages. */
    String describe();
}
