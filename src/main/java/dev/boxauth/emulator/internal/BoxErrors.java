package dev.boxauth.emulator.internal;

import java.util.Map;

/** Box's two error shapes: OAuth 2.0 errors from the token endpoint and API errors. */
public final class BoxErrors {

    private static final Map<Integer, String[]> SERVER_ERRORS = Map.of(
            500, new String[] {"internal_server_error", "Internal Server Error"},
            502, new String[] {"bad_gateway", "Bad Gateway"},
            503, new String[] {"unavailable", "Unavailable"},
            504, new String[] {"gateway_timeout", "Gateway Timeout"});

    private BoxErrors() {
    }

    /** {@code {"error":…,"error_description":…}}, as the token endpoint answers. */
    public static HttpResponse oauth(int status, String error, String description) {
        return HttpResponse.json(status, Json.object("error", error, "error_description", description));
    }

    /** {@code {"type":"error","status":…,"code":…,"message":…}}, as the API answers. */
    public static HttpResponse api(int status, String code, String message) {
        return HttpResponse.json(status, Json.object("type", "error", "status", status, "code", code,
                "message", message));
    }

    /** A server error in the API shape, which is what Box's front ends send even for the token endpoint. */
    public static HttpResponse serverError(int status) {
        String[] codeAndMessage = SERVER_ERRORS.getOrDefault(status, new String[] {"server_error", "Server Error"});
        return api(status, codeAndMessage[0], codeAndMessage[1]);
    }

    /** Box's rate-limit answer, without {@code Retry-After}. */
    public static HttpResponse rateLimited() {
        return api(429, "rate_limit_exceeded", "Request rate limit exceeded, please try again later");
    }
}
