package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /api/oauth2/authorize}, which Box serves at account.box.com: {@code GET} checks the request and
 * shows the consent page to the signed-in user; {@code POST} takes the decision and sends the browser
 * back to the app with a code or {@code error=access_denied}.
 *
 * <p>A bad client or redirect URI gets an error page, never a redirect: sending the browser to an
 * unregistered address would make the endpoint an open redirector. Other errors go back to the app.
 */
public final class AuthorizeHandler {

    private final Directory directory;
    private final AuthorizationCodes codes;
    private final Counters counters;
    private final RandomIds random;
    /** Consent pages shown and not yet answered, by the id in their hidden field; each is answered once. */
    private final Map<String, ConsentRequest> pending = new ConcurrentHashMap<>();

    /** A checked authorize request, waiting for the user's decision. */
    private record ConsentRequest(String clientId, String redirectUri, String state, Set<String> scopes,
            BoxUser user) {
    }

    public AuthorizeHandler(Directory directory, AuthorizationCodes codes, Counters counters, RandomIds random) {
        this.directory = directory;
        this.codes = codes;
        this.counters = counters;
        this.random = random;
    }

    HttpResponse handle(HttpRequest request) {
        return switch (request.method()) {
            case "GET", "HEAD" -> show(request);
            case "POST" -> decide(request);
            default -> HttpResponse.html(405, ConsentPage.error("method_not_allowed", "Method Not Allowed"))
                    .withHeader("Allow", "GET, POST");
        };
    }

    private HttpResponse show(HttpRequest request) {
        Form query;
        try {
            query = Form.parse(request.query() == null ? "" : request.query());
        } catch (IllegalArgumentException e) {
            return errorPage("authorize_request", "invalid_request", "The request is malformed.");
        }
        AppRegistration app = directory.app(query.get("client_id"));
        if (app == null || app.kind() != AppRegistration.Kind.OAUTH) {
            return errorPage("authorize_client", "invalid_client", "The client_id is not an OAuth 2.0 app.");
        }
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null && app.redirectUris().size() > 1) {
            return errorPage("authorize_redirect_uri", "redirect_uri_missing",
                    "The app has several redirect URIs: the request must name one.");
        }
        if (redirectUri == null) {
            redirectUri = app.redirectUris().get(0);
        } else if (!app.redirectUris().contains(redirectUri)) {
            return errorPage("authorize_redirect_uri", "redirect_uri_mismatch",
                    "The redirect_uri is not one configured for the app.");
        }
        String state = query.get("state");
        if (!"code".equals(query.get("response_type"))) {
            counters.error("authorize_response_type");
            return back(redirectUri, "error", "unsupported_response_type", "state", state);
        }
        Set<String> scopes = query.get("scope") == null ? app.scopes() : Scopes.parse(query.get("scope"));
        if (scopes.isEmpty() || !app.scopes().containsAll(scopes)) {
            counters.error("authorize_scope");
            return back(redirectUri, "error", "invalid_scope", "state", state);
        }
        BoxUser user = app.signedInUser();
        String requestId = random.alnum(32);
        pending.put(requestId, new ConsentRequest(app.clientId(), redirectUri, state, scopes, user));
        return HttpResponse.html(200, ConsentPage.consent(app.clientId(), user, scopes, requestId));
    }

    private HttpResponse decide(HttpRequest request) {
        Form form;
        try {
            form = Form.of(request);
        } catch (IllegalArgumentException e) {
            return errorPage("authorize_request", "invalid_request", "The request is malformed.");
        }
        String requestId = form.get("request_id");
        ConsentRequest consent = requestId == null ? null : pending.remove(requestId);
        if (consent == null) {
            return errorPage("authorize_request", "invalid_request",
                    "This consent page is unknown or was already answered. Start again from the app.");
        }
        if (!"grant".equals(form.get("consent"))) {
            return back(consent.redirectUri(), "error", "access_denied",
                    "error_description", "The user denied access to your application", "state", consent.state());
        }
        String code = codes.issue(consent.clientId(), consent.redirectUri(), consent.user(), consent.scopes());
        return back(consent.redirectUri(), "code", code, "state", consent.state());
    }

    private HttpResponse errorPage(String kind, String code, String message) {
        counters.error(kind);
        return HttpResponse.html(400, ConsentPage.error(code, message));
    }

    /** A redirect to {@code redirectUri} with the parameters added to its query; {@code null} values are left out. */
    private static HttpResponse back(String redirectUri, String... namesAndValues) {
        StringBuilder location = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                location.append(separator).append(namesAndValues[i]).append('=')
                        .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return HttpResponse.redirect(location.toString());
    }
}
