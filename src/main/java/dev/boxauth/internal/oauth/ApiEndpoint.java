package dev.boxauth.internal.oauth;

import java.io.IOException;

/** Box's API, as far as sign-in needs it: the seam between {@link OAuthClient} and HTTP. */
public interface ApiEndpoint {

    /**
     * {@code GET {apiUrl}{path}} with the bearer token.
     *
     * @throws IOException when no answer arrived
     */
    ApiResponse get(String path, String accessToken) throws IOException, InterruptedException;

    /** Where the requests go, for messages. */
    String describe();

    /**
     * @param status the HTTP status
     * @param body the body; never put into a message or log
     */
    record ApiResponse(int status, String body) {

        @Override
        public String toString() {
            return "ApiResponse[status=" + status + "]";
        }
    }
}
