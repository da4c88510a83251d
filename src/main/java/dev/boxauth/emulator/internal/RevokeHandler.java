package dev.boxauth.emulator.internal;

/**
 * {@code POST /oauth2/revoke}: the app revokes one of its tokens, access or refresh; the other token of
 * the pair dies with it. As RFC 7009 asks, a token that is unknown, already revoked or another app's is
 * answered 200 too, so the endpoint tells nobody which tokens exist.
 */
public final class RevokeHandler {

    private final Directory directory;
    private final RefreshTokens pairs;
    private final Counters counters;
    private final ApiErrors errors;

    public RevokeHandler(Directory directory, RefreshTokens pairs, Counters counters, ApiErrors errors) {
        this.directory = directory;
        this.pairs = pairs;
        this.counters = counters;
        this.errors = errors;
    }

    HttpResponse handle(HttpRequest request) {
        if (!"POST".equals(request.method())) {
            return errors.api(405, "method_not_allowed", "Method Not Allowed").withHeader("Allow", "POST");
        }
        Form form;
        try {
            form = Form.of(request);
        } catch (IllegalArgumentException e) {
            return reject("revoke_request", "invalid_request", "Invalid form-encoded request body");
        }
        AppRegistration app = directory.app(form.get("client_id"));
        if (app == null || !app.secretMatches(form.get("client_secret"))) {
            return reject("revoke_client", "invalid_client", ClientAuthentication.INVALID_CLIENT);
        }
        String token = form.get("token");
        if (token == null || token.isEmpty()) {
            return reject("revoke_request", "invalid_request", "The token parameter is required");
        }
        pairs.revoke(app.clientId(), token);
        counters.revocations.incrementAndGet();
        return HttpResponse.empty(200);
    }

    private HttpResponse reject(String kind, String error, String description) {
        counters.error(kind);
        return BoxErrors.oauth(400, error, description);
    }
}
