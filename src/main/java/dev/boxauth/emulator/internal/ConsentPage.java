package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.util.Set;

/** The HTML pages of the authorize endpoint: the consent form and the error page. */
final class ConsentPage {

    /** Where the consent form posts back to. */
    static final String ACTION = "/api/oauth2/authorize";

    private ConsentPage() {
    }

    /**
     * The consent page: a form that posts {@code request_id} and {@code consent} ({@code grant} from the
     * "Grant access to Box" button, {@code deny} from "Deny") to {@link #ACTION}. It says it is the emulator's,
     * so that nobody takes it for Box's sign-in, and names the app by the end of its client id only.
     */
    static String consent(String clientId, BoxUser user, Set<String> scopes, String requestId) {
        StringBuilder scopeItems = new StringBuilder();
        for (String scope : scopes) {
            scopeItems.append("<li>").append(escape(scope)).append("</li>\n");
        }
        return page("Grant access to Box",
                "<p>An application (client id ending <code>" + escape(tail(clientId)) + "</code>) would like to"
                + " access your Box account.</p>\n"
                + "<p>You are signed in as <b>" + escape(user.name()) + "</b> (" + escape(user.login()) + ").</p>\n"
                + (scopes.isEmpty() ? "" : "<p>It asks for:</p>\n<ul class=\"scopes\">\n" + scopeItems + "</ul>\n")
                + "<form method=\"post\" action=\"" + ACTION + "\">\n"
                + "<input type=\"hidden\" name=\"request_id\" value=\"" + escape(requestId) + "\">\n"
                + "<button type=\"submit\" name=\"consent\" value=\"grant\">Grant access to Box</button>\n"
                + "<button type=\"submit\" name=\"consent\" value=\"deny\">Deny</button>\n"
                + "</form>");
    }

    /** An error page for requests the app cannot be told about (no trusted redirect URI). */
    static String error(String code, String message) {
        return page("Error", "<p class=\"error\">" + escape(code) + "</p>\n<p>" + escape(message) + "</p>");
    }

    private static String tail(String clientId) {
        return clientId.length() <= 6 ? clientId : "…" + clientId.substring(clientId.length() - 6);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + " | Box emulator</title>\n<style>body{font:16px/1.5 system-ui,sans-serif;color:#222;max-width:36rem;"
                + "margin:2rem auto;padding:0 1rem}.emulator{background:#fff4d6;border:1px solid #e6c36a;"
                + "border-radius:8px;padding:.5rem 1rem;font-size:.9rem}h1{font-size:1.4rem}button{font:inherit;"
                + "padding:.4rem 1rem;margin-right:.5rem;border-radius:6px;border:1px solid #0061d5;background:#fff}"
                + "button[value=grant]{background:#0061d5;color:#fff}</style>\n</head>\n<body>\n"
                + "<p class=\"emulator\">The embedded <b>Box emulator</b>, standing in for Box's sign-in page: no"
                + " password, no real Box account.</p>\n<h1>" + escape(title) + "</h1>\n" + body
                + "\n</body>\n</html>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
