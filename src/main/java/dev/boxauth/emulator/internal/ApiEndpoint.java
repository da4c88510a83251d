package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.util.Locale;

/** {@code /2.0/…}: bearer-token authentication, {@code As-User}, then {@code GET /2.0/users/me}. */
public final class ApiEndpoint {

    /** Box's challenge for a missing, unknown, revoked or expired token. */
    static final String CHALLENGE =
            "Bearer realm=\"Service\", error=\"invalid_token\", error_description=\"The access token provided is invalid.\"";

    private final TokenIssuer issuer;
    private final Directory directory;
    private final Counters counters;

    public ApiEndpoint(TokenIssuer issuer, Directory directory, Counters counters) {
        this.issuer = issuer;
        this.directory = directory;
        this.counters = counters;
    }

    HttpResponse handle(HttpRequest request) {
        counters.apiRequests.incrementAndGet();
        String asUser = request.headers().first("As-User");
        counters.apiAsUser(asUser);
        // Authentication before routing, as on Box: without a valid token every path is a 401.
        TokenIssuer.ActiveToken token = issuer.lookup(bearerToken(request.headers().first("Authorization")));
        if (token == null) {
            counters.apiUnauthorized.incrementAndGet();
            return HttpResponse.empty(401).withHeader("WWW-Authenticate", CHALLENGE);
        }
        BoxUser user = token.grant().subject();
        if (asUser != null) {
            AppRegistration app = directory.app(token.grant().clientId());
            if (!token.grant().enterprise() || app == null || !app.performActionsAsUsers()) {
                return BoxErrors.api(403, "access_denied_insufficient_permissions",
                        "Access denied - insufficient permission");
            }
            user = directory.member(app, asUser.trim());
            if (user == null) {
                return BoxErrors.api(404, "not_found", "Not Found");
            }
            if (app.appAccessOnly() && directory.isManaged(user)) {
                return BoxErrors.api(403, "access_denied_insufficient_permissions",
                        "Access denied - insufficient permission");
            }
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
