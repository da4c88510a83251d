package dev.boxauth.internal.http;

import java.io.IOException;
import java.util.Map;

/** Box's token endpoint, or its revoke endpoint: the seam between what a request means and HTTP. */
public interface TokenEndpoint {

    /**
     * Posts one form and returns Box's answer, whatever its status.
     *
     * @throws IOException when no answer arrived (connection refused, timeout, TLS failure)
     */
    TokenHttpResponse post(Map<String, String> form) throws IOException, InterruptedException;

    /** Where the requests go, for messages. */
    String describe();
}
