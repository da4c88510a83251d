package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.util.Locale;

/** {@code /2.0/…}: bearer-token authentication, then {@code GET /2.0/users/me}. */
public final class ApiEndpoint {

    /** Box's challenge for a missing, unknown, revoked or expired token. */
    static final String CHALLENGE =
            "Bearer realm=\"Service\", error=\"invalid_token\", error_description=\"The access token provided is invalid.\"";

    private final TokenIssuer issuer;
    private final Counters counters;

    public ApiEndpoint(TokenIssuer issuer, Counters counters) {
        this.issuer = issuer;
        this.counters = counters;
    }

    HttpResponse handle(HttpRequest request) {
        counters.apiRequests.incrementAndGet();
        // Authentication before routing, as on Box: without a valid token every path is a 401.
        BoxUser user = issuer.subjectOf(bearerToken(request.headers().first("Authorization")));
        if (user == null) {
            counters.apiUnauthorized.incrementAndGet();
            return HttpResponse.empty(401).withHeader("WWW-Authenticate", CHALLENGE);
        }
        if (!request.path().equals("/2.0/users/me")) {
            return BoxErrors.api(404, "not_found", "Not Found");
        }
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return BoxErrors.api(405, "method_not_allowed", "Method Not Allowed").withHeader("Allow", "GET");
        }
        return HttpResponse.json(200, Json.object("type", "user", "id", user.id(), "name", user.name(),
                "login", user.login()));
    }

    /** The token after a case-insensitive {@code Bearer} scheme, or {@code null}. */
    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String trimmed = authorization.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return null;
        }
        String token = trimmed.substring(space + 1).trim();
        return token.isEmpty() ? null : token;
    }
}
