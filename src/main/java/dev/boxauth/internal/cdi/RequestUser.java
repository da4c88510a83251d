package dev.boxauth.internal.cdi;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.cdi.BoxUserSession;
import dev.boxauth.oauth.NotSignedInException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The {@link BoxUserSession} of one request; {@link OAuthEndpoints} says who signed in. */
@RequestScoped
class RequestUser implements BoxUserSession {

    @Inject
    BoxAuthExtension extension;

    private String boxUserId;
    private String sessionId;

    void signedIn(String id, String session) {
        this.boxUserId = id;
        this.sessionId = session;
    }

    @Override
    public Optional<String> boxUserId() {
        return Optional.ofNullable(boxUserId);
    }

    @Override
    public BoxTokenProvider provider() {
        OAuthWeb web = extension.oauthWeb();
        if (web == null) {
            throw new NotSignedInException(null, "OAuth 2.0 sign-in is not configured: set box.auth.method=oauth"
                    + " and box.auth.oauth.redirect-uri.", null);
        }
        if (boxUserId == null) {
            throw new NotSignedInException(null, "No Box user is signed in in this browser: send it to "
                    + web.signInPath() + ".", null);
        }
        return web.oauth().forUser(boxUserId);
    }

    @Override
    public String signInPath() {
        OAuthWeb web = extension.oauthWeb();
        return web == null ? "" : web.signInPath();
    }

    @Override
    public void signOut() {
        OAuthWeb web = extension.oauthWeb();
        if (web != null && boxUserId != null) {
            web.signOut(sessionId);
            boxUserId = null;
            sessionId = null;
        }
    }

    @Override
    public void signOutEverywhere() {
        OAuthWeb web = extension.oauthWeb();
        if (web != null && boxUserId != null) {
            web.signOutEverywhere(boxUserId);
            boxUserId = null;
            sessionId = null;
        }
    }
}
