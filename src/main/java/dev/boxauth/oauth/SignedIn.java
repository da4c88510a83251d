package dev.boxauth.oauth;

import java.util.Objects;

/**
 * Who signed in, as Box's {@code GET /2.0/users/me} described them right after the code exchange.
 *
 * @param boxUserId the Box user id; the key under which the tokens are stored and the argument of
 *     {@link BoxOAuth#forUser(String)}
 * @param name the user's display name; may be empty
 * @param login the user's login (an email address); may be empty
 */
public record SignedIn(String boxUserId, String name, String login) {

    public SignedIn {
        Objects.requireNonNull(boxUserId, "boxUserId");
        name = name == null ? "" : name;
        login = login == null ? "" : login;
    }
}
