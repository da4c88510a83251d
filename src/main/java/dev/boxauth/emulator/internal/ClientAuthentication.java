package dev.boxauth.emulator.internal;

/** The client id and secret check that every grant sending them starts with. */
public final class ClientAuthentication {

    /** Box's text for a wrong or unknown client id or secret. */
    static final String INVALID_CLIENT = "The client credentials are invalid.";
    /** Box's text for a grant of another authentication method than the app's. */
    static final String GRANT_UNAUTHORIZED = "The grant type is unauthorized for this client_id.";

    private ClientAuthentication() {
    }

    /**
     * The app whose {@code client_id} and {@code client_secret} the form carries, if it uses
     * {@code method} and is authorized.
     *
     * @param method the authentication method the grant belongs to: JWT for the JWT bearer grant, OAuth 2.0
     *     for the code and refresh grants
     * @throws GrantRejected {@code invalid_client} for unknown or mismatching credentials,
     *     {@code grant_unauthorized} for an app of another method, {@code unauthorized_client} for an app
     *     the admin has not authorized
     */
    public static AppRegistration authenticate(Directory directory, Form form, AppRegistration.Kind method)
            throws GrantRejected {
        AppRegistration app = directory.app(form.get("client_id"));
        if (app == null || !app.secretMatches(form.get("client_secret"))) {
            throw new GrantRejected("invalid_client", "invalid_client", INVALID_CLIENT);
        }
        requireMethod(app, method);
        if (!app.authorized()) {
            throw new GrantRejected("unauthorized_client", "unauthorized_client",
                    "This app is not authorized by the enterprise admin.");
        }
        return app;
    }

    /**
     * Refuses a grant of another authentication method than the app's, as Box does when an OAuth 2.0 app
     * sends a JWT assertion, or a server-authentication app a code.
     *
     * @throws GrantRejected {@code grant_unauthorized}: {@code invalid_request} "The grant type is unauthorized
     *     for this client_id."
     */
    public static void requireMethod(AppRegistration app, AppRegistration.Kind method) throws GrantRejected {
        if (app.kind() != method) {
            throw new GrantRejected("grant_unauthorized", "invalid_request", GRANT_UNAUTHORIZED);
        }
    }
}
