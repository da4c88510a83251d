package dev.boxauth.internal.oauth;

import dev.boxauth.internal.config.Loopback;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Checks of the URLs an OAuth 2.0 configuration holds: absolute, http(s), and https off loopback. */
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
        URI url;
        try {
            url = new URI(value.strip());
        } catch (URISyntaxException e) {
            url = null;
        }
        if (url == null || !url.isAbsolute() || url.getHost() == null || url.getRawFragment() != null
                || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            problems.add(field + ": is not an absolute http(s) URL without a fragment.");
            return null;
        }
        if (url.getRawUserInfo() != null) {
            problems.add(field + ": must not hold a user name or password.");
            return null;
        }
        if ("http".equalsIgnoreCase(url.getScheme()) && !Loopback.isLoopback(url.getHost())) {
            problems.add(field + ": uses http off the loopback interface, which would send credentials and"
                    + " tokens in clear text. Use an https URL.");
            return null;
        }
        return url;
    }

    /** {@code base} and {@code path} joined with exactly one slash. */
    static URI join(URI base, String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }
}
