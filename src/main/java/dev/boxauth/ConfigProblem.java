package dev.boxauth;

import java.util.Objects;

/**
 * One problem found in a box-auth configuration.
 *
 * @param id the message id, {@code BOXAUTH-0nn}, stable across releases and listed in docs/troubleshooting.md
 * @param property the property (or the property and the JSON field) that is wrong or missing
 * @param message what is wrong and what to do; never the value of a secret
 */
public record ConfigProblem(String id, String property, String message) {

    public ConfigProblem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return id + " " + property + ": " + message;
    }
}
