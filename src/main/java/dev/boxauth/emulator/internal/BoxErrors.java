package dev.boxauth.emulator.internal;

/**
 * The OAuth 2.0 error shape of Box's token and revoke endpoints. API errors have their own shape:
 * {@link ApiErrors}.
 */
public final class BoxErrors {

    private BoxErrors() {
    }

    /** {@code {"error":…,"error_description":…}}, as the token endpoint answers. */
    public static HttpResponse oauth(int status, String error, String description) {
        return HttpResponse.json(status, Json.object("error", error, "error_description", description));
    }
}
