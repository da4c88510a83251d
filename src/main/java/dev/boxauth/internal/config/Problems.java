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

    BoxConfigException exception() {
        return new BoxConfigException(found);
    }
}
