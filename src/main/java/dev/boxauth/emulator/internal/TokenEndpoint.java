package dev.boxauth.emulator.internal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /oauth2/token}: scripted faults first, then the grant named by {@code grant_type}.
 */
public final class TokenEndpoint {

    private final Counters counters;
    private final FaultSchedule faults;
    private final Map<String, GrantHandler> grants = new ConcurrentHashMap<>();

    public TokenEndpoint(Counters counters, FaultSchedule faults) {
        this.counters = counters;
        this.faults = faults;
    }

    /** Adds a grant; the endpoint answers its {@code grant_type} from now on. */
    public void register(GrantHandler grant) {
        grants.put(grant.grantType(), grant);
    }

    HttpResponse handle(HttpRequest request) {
        if (!"POST".equals(request.method())) {
            return BoxErrors.api(405, "method_not_allowed", "Method Not Allowed").withHeader("Allow", "POST");
        }
        counters.tokenRequests.incrementAndGet();
        HttpResponse fault = faults.next();
        if (fault != null) {
            counters.error(fault.status() == 429 ? "rate_limited" : "server_error");
            return fault;
        }
        try {
            Form form = form(request);
            Map<String, Object> fields = grantFor(form).grant(form);
            counters.tokensIssued.incrementAndGet();
            return HttpResponse.json(200, fields);
        } catch (GrantRejected rejected) {
            counters.error(rejected.kind());
            return rejected.response();
        }
    }

    private GrantHandler grantFor(Form form) throws GrantRejected {
        String grantType = form.get("grant_type");
        GrantHandler grant = grantType == null ? null : grants.get(grantType);
        if (grant == null) {
            throw new GrantRejected("unsupported_grant_type", "unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server.");
        }
        return grant;
    }

    /** The form, or an empty one when the body is not form-encoded (then grant_type is missing too). */
    private static Form form(HttpRequest request) throws GrantRejected {
        String contentType = request.headers().first("Content-Type");
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Form.empty();
        }
        try {
            return Form.parse(request.bodyText());
        } catch (IllegalArgumentException e) {
            throw new GrantRejected("invalid_request", "invalid_request", "Invalid form-encoded request body");
        }
    }
}
