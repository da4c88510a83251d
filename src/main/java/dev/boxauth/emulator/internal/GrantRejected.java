package dev.boxauth.emulator.internal;

/**
 * A token request refused with an OAuth 2.0 error. The stack trace is not filled in: this is an
 * answer, not a fault.
 */
public final class GrantRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String error;

    /**
     * @param kind the error counter to increment, e.g. {@code jti}
     * @param error Box's {@code error} code
     * @param description Box's {@code error_description}, exactly as Box words it
     */
    public GrantRejected(String kind, String error, String description) {
        super(description, null, false, false);
        this.kind = kind;
        this.error = error;
    }

    /** A rejection with {@code invalid_grant}, the code of most JWT assertion problems. */
    public static GrantRejected invalidGrant(String kind, String description) {
        return new GrantRejected(kind, "invalid_grant", description);
    }

    public String kind() {
        return kind;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    /** Every OAuth error from the token endpoint is a 400. */
    public HttpResponse response() {
        return BoxErrors.oauth(400, error, description());
    }
}
