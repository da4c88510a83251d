package dev.boxauth.bench;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts as SVG text, drawn from results: one row per client, one bar per series (for example
 * "tokens expire" beside "no expiry"), each bar labelled with its value. Linear scale from zero.
 */
final class Svg {

    record Row(String label, List<Double> values) {
    }

    private static final String[] COLOURS = {"#2b6cb0", "#a0aec0", "#dd6b20", "#38a169"};
    private static final int LABEL_WIDTH = 190;
    private static final int BAR_AREA = 420;
    private static final int BAR_HEIGHT = 16;
    private static final int ROW_GAP = 10;

    private Svg() {
    }

    static String bars(String title, String unit, List<String> series, List<Row> rows) {
        double max = rows.stream().flatMap(r -> r.values().stream()).mapToDouble(Double::doubleValue).max().orElse(1);
        if (max <= 0) {
            max = 1;
        }
        int rowHeight = series.size() * BAR_HEIGHT + ROW_GAP;
        int legend = series.size() > 1 ? 22 : 0;
        int height = 40 + legend + rows.size() * rowHeight + 10;
        int width = LABEL_WIDTH + BAR_AREA + 110;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                escape(title + " (" + unit + ")")));
        int y = 40;
        if (legend > 0) {
            int x = LABEL_WIDTH;
            for (int s = 0; s < series.size(); s++) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y - 10, COLOURS[s % COLOURS.length], x + 16, y,
                        escape(series.get(s))));
                x += 24 + 7 * series.get(s).length();
            }
            y += legend;
        }
        for (Row row : rows) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 8, y + rowHeight / 2 - 1, escape(row.label())));
            for (int s = 0; s < row.values().size(); s++) {
                double value = row.values().get(s);
                int length = (int) Math.round(BAR_AREA * value / max);
                int barY = y + s * BAR_HEIGHT;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"%d\">%s</text>%n", LABEL_WIDTH, barY, Math.max(length, 1),
                        BAR_HEIGHT - 2, COLOURS[s % COLOURS.length], LABEL_WIDTH + Math.max(length, 1) + 4,
                        barY + BAR_HEIGHT - 5, escape(format(value))));
            }
            y += rowHeight;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    static String format(double value) {
        if (value >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
