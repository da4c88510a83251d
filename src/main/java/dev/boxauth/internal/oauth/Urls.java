package dev.boxauth.internal.oauth;

import dev.boxauth.internal.config.HttpUrls;
import java.net.URI;
import java.util.List;

/** The URLs of an OAuth 2.0 configuration: {@link HttpUrls}'s check, and no fragment. */
public final class Urls {

    private Urls() {
    }

    /**
     * Parses {@code value} as a URL for {@code field}, adding a problem (that names the field, never the
     * value, which could carry credentials) and returning {@code null} when it cannot be used.
     */
    public static URI parse(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": is missing.");
            return null;
        }
        HttpUrls.Checked checked = HttpUrls.check(value);
        if (checked.problem() != null) {
            problems.add(field + switch (checked.problem()) {
                case NOT_HTTP -> ": is not an absolute http(s) URL without a fragment.";
                case USER_INFO -> ": must not hold a user name or password.";
                case CLEAR_TEXT -> ": uses http off the loopback interface, which would send credentials and"
                        + " tokens in clear text. Use an https URL.";
            });
            return null;
        }
        if (checked.url().getRawFragment() != null) {
            problems.add(field + ": is not an absolute http(s) URL without a fragment.");
            return null;
        }
        return checked.url();
    }

    /** {@code base} and {@code path} joined with exactly one slash. */
    static URI join(URI base, String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }
}
