package dev.boxauth.emulator.internal;

/** The client id and secret check that every grant sending them starts with. */
public final class ClientAuthentication {

    private ClientAuthentication() {
    }

    /**
     * The app whose {@code client_id} and {@code client_secret} the form carries, if it is authorized.
     *
     * @throws GrantRejected {@code invalid_client} for unknown or mismatching credentials,
     *     {@code unauthorized_client} for an app the admin has not authorized
     */
    public static AppRegistration authenticate(Directory directory, Form form) throws GrantRejected {
        AppRegistration app = directory.app(form.get("client_id"));
        if (app == null || !app.secretMatches(form.get("client_secret"))) {
            throw new GrantRejected("invalid_client", "invalid_client", "The client credentials are invalid");
        }
        if (!app.authorized()) {
            throw new GrantRejected("unauthorized_client", "unauthorized_client",
                    "This app is not authorized by the enterprise admin");
        }
        return app;
    }
}
