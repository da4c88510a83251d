package dev.boxauth.bench;

import java.util.List;

/** What the whole-process harnesses report of their runs. */
final class Stats {

    private Stats() {
    }

    /** The middle value, or the mean of the two middle ones; {@code NaN} for no values. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
