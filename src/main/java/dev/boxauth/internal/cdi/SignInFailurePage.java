package dev.boxauth.internal.cdi;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a browser is shown when the sign-in callback is refused: a small HTML page saying why, with a link
 * to sign in again. Whatever the callback's query says is never shown as it is: anyone can send a browser
 * to the callback with a query of their choosing, so an {@code error} Box does not document is shown as a
 * generic refusal.
 */
final class SignInFailurePage {

    /** Shown for an {@code error} that is not one of {@link #AUTHORIZE_ERRORS}. */
    static final String UNKNOWN_AUTHORIZE_ERROR = "Box did not give this application access to your Box account.";

    /**
     * The errors Box's authorize endpoint documents (those of RFC 6749, section 4.1.2.1), each with what it
     * means for the person signing in. The code is repeated for whoever runs the application.
     */
    private static final Map<String, String> AUTHORIZE_ERRORS = Map.of(
            "access_denied", "You did not give this application access to your Box account.",
            "invalid_request", "Box refused the sign-in request as incomplete or malformed (invalid_request).",
            "unauthorized_client", "This application may not sign in with Box this way (unauthorized_client).",
            "unsupported_response_type",
            "Box does not offer the kind of sign-in this application asked for (unsupported_response_type).",
            "invalid_scope", "This application asked Box for access it is not set up for (invalid_scope).",
            "server_error", "Box could not complete the sign-in. Please try again (server_error).",
            "temporarily_unavailable", "Box is busy or down for maintenance. Please try again later"
                    + " (temporarily_unavailable).");

    private SignInFailurePage() {
    }

    /** Why the sign-in failed, for the {@code error} of Box's answer: only a documented code is named. */
    static String whyBoxRefused(String error) {
        return AUTHORIZE_ERRORS.getOrDefault(error, UNKNOWN_AUTHORIZE_ERROR);
    }

    /**
     * The page, as UTF-8 bytes: as bytes because RESTEasy (Liberty's JAX-RS) escapes a {@code String} body
     * of an HTML error response, and the browser then showed the page's own markup as text.
     *
     * @param why a sentence of this library's, such as {@link #whyBoxRefused}; escaped all the same
     * @param signInPath where "Sign in again" leads
     */
    static byte[] html(String why, String signInPath) {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Sign-in failed</title></head>\n<body><h1>Sign-in with Box failed</h1>\n"
                + "<p id=\"why\">" + escape(why) + "</p>\n"
                + "<p><a id=\"sign-in-again\" href=\"" + escape(signInPath) + "\">Sign in again</a></p>\n"
                + "</body></html>\n";
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
