package dev.boxauth.internal.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The one check of a URL box-auth sends credentials or tokens to (token, revoke, API, authorize and redirect
 * URLs), whichever configuration it comes from. Callers report a {@link Problem} by the setting's name,
 * never with the value, which could carry a password.
 */
public final class HttpUrls {

    /** Why a URL cannot be used. */
    public enum Problem {
        /** Not an absolute {@code http} or {@code https} URL with a host. */
        NOT_HTTP,
        /** A user name or password ({@code https://user:password@host}), which would travel and be logged with the URL. */
        USER_INFO,
        /** {@code http} off the loopback interface: credentials and tokens would travel in clear text. */
        CLEAR_TEXT,
        /** A fragment ({@code #…}): meaningless to a server, and not allowed in an OAuth 2.0 redirect URI. */
        FRAGMENT
    }

    /**
     * The outcome of a check: exactly one of the two is set.
     *
     * @param url the URL, when it can be used
     * @param problem why it cannot
     */
    public record Checked(URI url, Problem problem) {
    }

    private HttpUrls() {
    }

    /** @param value a configured URL, not blank */
    public static Checked check(String value) {
        URI url;
        try {
            url = new URI(value.strip());
        } catch (URISyntaxException e) {
            return new Checked(null, Problem.NOT_HTTP);
        }
        if (!url.isAbsolute() || url.getHost() == null
                || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            return new Checked(null, Problem.NOT_HTTP);
        }
        if (url.getRawUserInfo() != null) {
            return new Checked(null, Problem.USER_INFO);
        }
        if ("http".equalsIgnoreCase(url.getScheme()) && !Loopback.isLoopback(url.getHost())) {
            return new Checked(null, Problem.CLEAR_TEXT);
        }
        if (url.getRawFragment() != null) {
            return new Checked(null, Problem.FRAGMENT);
        }
        return new Checked(url, null);
    }
}
