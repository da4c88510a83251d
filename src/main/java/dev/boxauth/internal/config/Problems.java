package dev.boxauth.internal.config;

import dev.boxauth.BoxConfigException;
import dev.boxauth.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/** The problems found so far while reading one configuration. */
final class Problems {

    private final List<ConfigProblem> found = new ArrayList<>();

    void add(String id, String property, String message) {
        found.add(new ConfigProblem(id, property, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Whether a problem was already reported for the property, so a second one would only repeat it. */
    boolean contains(String property) {
        return found.stream().anyMatch(p -> p.property().startsWith(property));
    }

    BoxConfigException exception() {
        return new BoxConfigException(found);
    }
}
