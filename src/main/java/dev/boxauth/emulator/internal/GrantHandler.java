package dev.boxauth.emulator.internal;

import java.util.Map;

/**
 * One OAuth 2.0 grant of the token endpoint. Each grant is its own class, registered by its
 * {@link #grantType()}, so adding one never touches another.
 */
public interface GrantHandler {

    /** The {@code grant_type} value this handler answers. */
    String grantType();

    /**
     * Checks the request and issues a token.
     *
     * @return the fields of the 200 response
     * @throws GrantRejected with Box's error code and description when a check fails
     */
    Map<String, Object> grant(Form form) throws GrantRejected;
}
