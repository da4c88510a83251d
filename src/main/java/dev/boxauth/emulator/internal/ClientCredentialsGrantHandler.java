package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.util.Map;

/**
 * The Client Credentials Grant ({@code client_credentials}) of a CCG app. Box answers every failure,
 * from a wrong secret to a subject the app's settings do not allow, with the same {@code invalid_grant}
 * text; the kinds tell them apart for tests.
 */
public final class ClientCredentialsGrantHandler implements GrantHandler {

    /** Box's text for every failure of this grant. */
    static final String INVALID = "Grant credentials are invalid";

    private final Directory directory;
    private final TokenIssuer issuer;

    public ClientCredentialsGrantHandler(Directory directory, TokenIssuer issuer) {
        this.directory = directory;
        this.issuer = issuer;
    }

    @Override
    public String grantType() {
        return "client_credentials";
    }

    @Override
    public Map<String, Object> grant(Form form) throws GrantRejected {
        AppRegistration app = directory.app(form.get("client_id"));
        if (app == null || !app.secretMatches(form.get("client_secret"))) {
            throw GrantRejected.invalidGrant("ccg_credentials", INVALID);
        }
        ClientAuthentication.requireMethod(app, AppRegistration.Kind.CCG);
        if (!app.authorized()) {
            throw GrantRejected.invalidGrant("ccg_unauthorized", INVALID);
        }
        String subjectType = form.get("box_subject_type");
        BoxUser subject = subject(app, subjectType, form.get("box_subject_id"));
        return issuer.issue(AccessGrant.of(app, subject, "enterprise".equals(subjectType))).responseFields();
    }

    /**
     * The user the token is for. "App Access Only" still allows the enterprise (the Service Account) and
     * App Users; it refuses managed users (Box's client-credentials guide, "Common Errors").
     */
    private BoxUser subject(AppRegistration app, String subjectType, String subjectId) throws GrantRejected {
        if ("enterprise".equals(subjectType) && app.enterpriseId().equals(subjectId)) {
            return app.serviceAccount();
        }
        if ("user".equals(subjectType) && app.userTokensEnabled()) {
            BoxUser user = directory.member(app, subjectId);
            if (user != null && !(app.appAccessOnly() && directory.isManaged(user))) {
                return user;
            }
        }
        throw GrantRejected.invalidGrant("ccg_subject", INVALID);
    }
}
