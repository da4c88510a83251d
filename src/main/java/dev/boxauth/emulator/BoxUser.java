package dev.boxauth.emulator;

import java.util.Objects;

/**
 * A user known to the emulator, as {@code GET /2.0/users/me} shows it.
 *
 * @param id the numeric user id, used as the JWT {@code sub} with {@code box_sub_type=user}
 * @param name the display name
 * @param login the login (email address); a Service Account's looks like
 *     {@code AutomationUser_<n>_<random>@boxdevedition.com}
 */
public record BoxUser(String id, String name, String login) {

    /** @throws NullPointerException if any component is {@code null} */
    public BoxUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(login, "login");
    }
}
