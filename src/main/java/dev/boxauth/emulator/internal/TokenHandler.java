package dev.boxauth.emulator.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /oauth2/token}: scripted faults first, then the grant named by {@code grant_type}.
 */
public final class TokenHandler {

    /** Box's answer when {@code grant_type} is missing or names no grant it knows. */
    static final String INVALID_GRANT_TYPE = "Invalid grant_type parameter or parameter missing.";

    private final Counters counters;
    private final FaultSchedule faults;
    private final ApiErrors errors;
    private final Map<String, GrantHandler> grants = new ConcurrentHashMap<>();

    public TokenHandler(Counters counters, FaultSchedule faults, ApiErrors errors) {
        this.counters = counters;
        this.faults = faults;
        this.errors = errors;
    }

    /** Adds a grant; the endpoint answers its {@code grant_type} from now on. */
    public void register(GrantHandler grant) {
        grants.put(grant.grantType(), grant);
    }

    Reply handle(HttpRequest request) {
        if (!"POST".equals(request.method())) {
            return errors.api(405, "method_not_allowed", "Method Not Allowed").withHeader("Allow", "POST");
        }
        counters.tokenRequests.incrementAndGet();
        if (request.headers().first("As-User") != null) {
            counters.tokenRequestsWithAsUser.incrementAndGet();
        }
        Form form = readableForm(request);
        if (form != null && form.get("grant_type") != null) {
            // Counted before scripted faults, like the total: a 429 still was a request of that grant.
            counters.grantType(form.get("grant_type"));
        }
        FaultSchedule.Scheduled fault = faults.next();
        if (fault != null) {
            counters.error(fault.kind());
            return fault.reply();
        }
        try {
            if (form == null) {
                throw new GrantRejected("invalid_request", "invalid_request", "Invalid form-encoded request body");
            }
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
            throw new GrantRejected("unsupported_grant_type", "invalid_request", INVALID_GRANT_TYPE);
        }
        return grant;
    }

    /** The form (empty when the body is not form-encoded, so grant_type is missing), or {@code null} if malformed. */
    private static Form readableForm(HttpRequest request) {
        try {
            return Form.of(request);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
