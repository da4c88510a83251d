package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /2.0/…}: scripted faults, bearer-token authentication, {@code As-User}, then
 * {@code GET /2.0/users/me} and {@code GET /2.0/users/{id}}. Every answer carries a {@code BOX-REQUEST-ID}
 * header, and every error but the 401 Box's client error JSON.
 */
public final class ApiHandler {

    /** Box's challenge for a missing, unknown, revoked or expired token. */
    static final String CHALLENGE =
            "Bearer realm=\"Service\", error=\"invalid_token\", error_description=\"The access token provided is invalid.\"";

    private static final String ME = "/2.0/users/me";
    private static final Pattern USER = Pattern.compile("/2\\.0/users/([0-9]+)");

    private final TokenIssuer issuer;
    private final Directory directory;
    private final Counters counters;
    private final FaultSchedule faults;
    private final ApiErrors errors;

    public ApiHandler(TokenIssuer issuer, Directory directory, Counters counters, FaultSchedule faults,
            ApiErrors errors) {
        this.issuer = issuer;
        this.directory = directory;
        this.counters = counters;
        this.faults = faults;
        this.errors = errors;
    }

    Reply handle(HttpRequest request) {
        counters.apiRequests.incrementAndGet();
        String asUser = request.headers().first("As-User");
        counters.apiAsUser(asUser);
        // Before authentication, as Box's front ends answer an outage or a rate limit.
        FaultSchedule.Scheduled fault = faults.next();
        if (fault != null) {
            counters.error(fault.kind());
            return fault.reply();
        }
        HttpResponse response = answer(request, asUser);
        return response.header(ApiErrors.REQUEST_ID_HEADER) != null ? response
                : response.withHeader(ApiErrors.REQUEST_ID_HEADER, errors.requestIdHeader());
    }

    private HttpResponse answer(HttpRequest request, String asUser) {
        // Authentication before routing, as on Box: without a valid token every path is a 401. Box sends
        // that 401 with an empty body; the WWW-Authenticate challenge says why.
        TokenIssuer.ActiveToken token = issuer.lookup(bearerToken(request.headers().first("Authorization")));
        if (token == null) {
            counters.apiUnauthorized.incrementAndGet();
            return HttpResponse.empty(401).withHeader("WWW-Authenticate", CHALLENGE);
        }
        AppRegistration app = directory.app(token.grant().clientId());
        BoxUser user = token.grant().subject();
        if (asUser != null) {
            if (!token.grant().enterprise() || app == null || !app.performActionsAsUsers()) {
                return forbidden();
            }
            user = directory.member(app, asUser.trim());
            if (user == null) {
                return notFound();
            }
            if (app.appAccessOnly() && directory.isManaged(user)) {
                return forbidden();
            }
        }
        BoxUser shown;
        Matcher byId = USER.matcher(request.path());
        if (request.path().equals(ME)) {
            shown = user;
        } else if (byId.matches()) {
            shown = visibleUser(byId.group(1), user, asUser == null && token.grant().enterprise() ? app : null);
            if (shown == null) {
                return notFound();
            }
        } else {
            return notFound();
        }
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return errors.api(405, "method_not_allowed", "Method Not Allowed").withHeader("Allow", "GET");
        }
        return HttpResponse.json(200, Json.object("type", "user", "id", shown.id(), "name", shown.name(),
                "login", shown.login()));
    }

    /**
     * The user {@code id} if the caller may see it: itself, or, for an enterprise token without
     * {@code As-User}, a user of the app's enterprise (the Service Account acts as an admin would).
     *
     * @param enterpriseApp the app of an enterprise token, {@code null} otherwise
     */
    private BoxUser visibleUser(String id, BoxUser caller, AppRegistration enterpriseApp) {
        if (id.equals(caller.id())) {
            return caller;
        }
        return enterpriseApp == null ? null : directory.member(enterpriseApp, id);
    }

    private HttpResponse forbidden() {
        return errors.api(403, "access_denied_insufficient_permissions", "Access denied - insufficient permission");
    }

    private HttpResponse notFound() {
        return errors.api(404, "not_found", "Not Found");
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
