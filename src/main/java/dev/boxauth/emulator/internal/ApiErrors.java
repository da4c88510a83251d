package dev.boxauth.emulator.internal;

import java.util.Map;

/**
 * Box's client error shape, which the API answers for most 4xx and 5xx statuses and Box's front ends
 * answer even for the token endpoint's 429 and 5xx: {@code type}, {@code status}, {@code code},
 * {@code help_url}, {@code message}, {@code request_id}, and a {@code BOX-REQUEST-ID} header. The SDKs
 * quote both ids in their exception messages, so each error gets fresh ones.
 */
public final class ApiErrors {

    /** Where every error of Box's points. */
    static final String HELP_URL = "https://developer.box.com/guides/api-calls/permissions-and-errors/common-errors/";

    /** The header Box sets on API responses; its value is not the body's {@code request_id}. */
    public static final String REQUEST_ID_HEADER = "BOX-REQUEST-ID";

    private static final Map<Integer, String[]> SERVER_ERRORS = Map.of(
            500, new String[] {"internal_server_error", "Internal Server Error"},
            502, new String[] {"bad_gateway", "Bad Gateway"},
            503, new String[] {"unavailable", "Unavailable"},
            504, new String[] {"gateway_timeout", "Gateway Timeout"});

    private final RandomIds random;

    public ApiErrors(RandomIds random) {
        this.random = random;
    }

    /** An error in Box's client error shape, with fresh request ids. */
    public HttpResponse api(int status, String code, String message) {
        return HttpResponse.json(status, Json.object("type", "error", "status", status, "code", code,
                "help_url", HELP_URL, "message", message, "request_id", random.lowerAlnum(16)))
                .withHeader(REQUEST_ID_HEADER, requestIdHeader());
    }

    /** A server error (500 to 599). */
    public HttpResponse serverError(int status) {
        String[] codeAndMessage = SERVER_ERRORS.getOrDefault(status, new String[] {"server_error", "Server Error"});
        return api(status, codeAndMessage[0], codeAndMessage[1]);
    }

    /** Box's rate-limit answer, without {@code Retry-After}. */
    public HttpResponse rateLimited() {
        return api(429, "rate_limit_exceeded", "Request rate limit exceeded, please try again later");
    }

    /** A fresh value for the {@code BOX-REQUEST-ID} header, shaped like Box's. */
    public String requestIdHeader() {
        return "0" + random.lowerAlnum(26);
    }
}
