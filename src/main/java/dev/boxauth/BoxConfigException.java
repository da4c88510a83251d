package dev.boxauth;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot work. Thrown when a provider is built, never later, and lists every problem
 * found, not only the first.
 */
public class BoxConfigException extends BoxAuthException {

    private static final long serialVersionUID = 1L;

    private final List<ConfigProblem> problems;

    /** @param problems every problem found; at least one */
    public BoxConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order the properties were read. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        String header = problems.size() == 1
                ? "The Box auth configuration has a problem:"
                : "The Box auth configuration has " + problems.size() + " problems:";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
