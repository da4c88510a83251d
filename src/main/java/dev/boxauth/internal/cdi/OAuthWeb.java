package dev.boxauth.internal.cdi;

import dev.boxauth.internal.config.OAuthSettings;
import dev.boxauth.oauth.BoxOAuth;
import dev.boxauth.oauth.SignIn;
import dev.boxauth.oauth.SignInException;
import dev.boxauth.oauth.SignedIn;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger.Level;
import java.net.URI;

/**
 * The browser side of OAuth 2.0 sign-in: starts it (a single-use {@code state} bound to this browser by
 * a cookie) and finishes it at the callback (checks {@code state}, exchanges the code, starts a session).
 * The {@code redirect_uri} comes from configuration, never from the request, and after sign-in the
 * browser goes only to the configured path inside the application.
 */
final class OAuthWeb {

    static final String STATE_COOKIE = "box_oauth_state";
    static final String SESSION_COOKIE = "box_session";
    private static final System.Logger LOG = System.getLogger(OAuthWeb.class.getName());
    private static final int STATE_COOKIE_SECONDS = 600;

    private final BoxOAuth oauth;
    private final OAuthSessions sessions = new OAuthSessions();
    private final String signInPath;
    private final String callbackPath;
    private final String afterSignIn;
    /** {@code null}: Secure when the browser spoke https. */
    private final Boolean secureCookies;
    private final boolean trustForwarded;

    OAuthWeb(BoxOAuth oauth, OAuthSettings settings) {
        this.oauth = oauth;
        this.callbackPath = strip(settings.callbackPath());
        int slash = this.callbackPath.lastIndexOf('/');
        this.signInPath = (slash < 0 ? "" : this.callbackPath.substring(0, slash + 1)) + "sign-in";
        this.afterSignIn = strip(settings.afterSignIn());
        this.secureCookies = settings.secureCookies();
        this.trustForwarded = settings.trustForwarded();
    }

    BoxOAuth oauth() {
        return oauth;
    }

    OAuthSessions sessions() {
        return sessions;
    }

    String signInPath() {
        return signInPath;
    }

    /** The response to a request for one of the sign-in paths, or {@code null} for any other request. */
    Response handle(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String path = strip(request.getUriInfo().getPath());
        if (path.equals(signInPath)) {
            return startSignIn(request);
        }
        if (path.equals(callbackPath)) {
            return callback(request);
        }
        return null;
    }

    /** The request's session id, from its cookie, or {@code null}. */
    static String sessionOf(ContainerRequestContext request) {
        Cookie session = request.getCookies().get(SESSION_COOKIE);
        return session == null ? null : session.getValue();
    }

    private Response startSignIn(ContainerRequestContext request) {
        SignIn signIn = oauth.startSignIn();
        return Response.seeOther(signIn.authorizeUrl())
                .cookie(cookie(request, STATE_COOKIE, signIn.state(), STATE_COOKIE_SECONDS))
                .build();
    }

    private Response callback(ContainerRequestContext request) {
        var query = request.getUriInfo().getQueryParameters();
        String state = query.getFirst("state");
        Cookie expected = request.getCookies().get(STATE_COOKIE);
        if (query.getFirst("error") != null) {
            return failed(request, SignInFailurePage.whyBoxRefused(query.getFirst("error")));
        }
        if (state == null || state.isEmpty()) {
            return failed(request, "The sign-in answer has no state.");
        }
        if (expected == null || !expected.getValue().equals(state)) {
            return failed(request, "This sign-in was not started in this browser, or it took too long.");
        }
        String code = query.getFirst("code");
        if (code == null || code.isEmpty()) {
            return failed(request, "The sign-in answer has no code.");
        }
        SignedIn user;
        try {
            user = oauth.completeSignIn(code, state);
        } catch (SignInException e) {
            LOG.log(Level.INFO, () -> "Box sign-in failed: " + e.getMessage());
            return failed(request, "The sign-in could not be completed: it was already used or has expired.");
        }
        String session = sessions.start(user.boxUserId());
        return Response.seeOther(base(request).resolve(afterSignIn))
                .cookie(cookie(request, STATE_COOKIE, "", 0), cookie(request, SESSION_COOKIE, session, -1))
                .build();
    }

    private Response failed(ContainerRequestContext request, String why) {
        byte[] page = SignInFailurePage.html(why, base(request).resolve(signInPath).getPath());
        // The state cookie stays: a forged callback must not spoil the genuine one on its way.
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    /** HttpOnly, SameSite=Lax (sent on Box's redirect back), Secure when the browser spoke https. */
    private NewCookie cookie(ContainerRequestContext request, String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(base(request).getPath()).maxAge(maxAge).httpOnly(true)
                .secure(secure(request)).sameSite(NewCookie.SameSite.LAX).build();
    }

    /**
     * As configured, or whether the browser spoke https: to this server, or, when the proxy headers are
     * trusted, to the proxy that terminated TLS in front of it.
     */
    boolean secure(ContainerRequestContext request) {
        if (secureCookies != null) {
            return secureCookies;
        }
        if ("https".equalsIgnoreCase(base(request).getScheme())) {
            return true;
        }
        return trustForwarded && "https".equalsIgnoreCase(forwardedProto(request));
    }

    /** The scheme the nearest proxy says the browser used: {@code X-Forwarded-Proto}, else {@code Forwarded}'s proto. */
    private static String forwardedProto(ContainerRequestContext request) {
        String xForwarded = request.getHeaderString("X-Forwarded-Proto");
        if (xForwarded != null && !xForwarded.isBlank()) {
            return xForwarded.split(",")[0].strip();
        }
        String forwarded = request.getHeaderString("Forwarded");
        if (forwarded == null) {
            return null;
        }
        for (String pair : forwarded.split(",")[0].split(";")) {
            String[] nameValue = pair.strip().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].equalsIgnoreCase("proto")) {
                return nameValue[1].replace("\"", "").strip();
            }
        }
        return null;
    }

    private static URI base(ContainerRequestContext request) {
        return request.getUriInfo().getBaseUri();
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }
}
