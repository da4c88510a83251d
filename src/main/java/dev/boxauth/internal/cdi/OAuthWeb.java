package dev.boxauth.internal.cdi;

import dev.boxauth.internal.config.OAuthSettings;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.oauth.BrowserSessions;
import dev.boxauth.internal.oauth.LocalBrowserSessions;
import dev.boxauth.internal.oauth.OAuthClient;
import dev.boxauth.internal.store.ClusterStore;
import dev.boxauth.oauth.BoxOAuth;
import dev.boxauth.oauth.BoxOAuthConfig;
import dev.boxauth.oauth.BoxTokenStore;
import dev.boxauth.oauth.InMemoryBoxTokenStore;
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
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The browser side of OAuth 2.0 sign-in: starts it on the redirect URI's host (a single-use {@code state}
 * bound to this browser by a cookie) and finishes it at the callback (checks {@code state}, exchanges the
 * code, starts a session).
 * The {@code redirect_uri} comes from configuration, never from the request, and after sign-in the
 * browser goes only to the configured path inside the application.
 */
final class OAuthWeb {

    static final String STATE_COOKIE = "box_oauth_state";
    static final String SESSION_COOKIE = "box_session";
    private static final System.Logger LOG = System.getLogger(OAuthWeb.class.getName());
    private static final int STATE_COOKIE_SECONDS = 600;
    /** The query parameter of a sign-in start that was already sent to the redirect URI's host. */
    private static final String MOVED = "moved";

    /** Browser sessions one instance keeps at most, without a shared store; the least recently used go first. */
    static final int MAX_LOCAL_SESSIONS = 10_000;

    private final BoxOAuth oauth;
    /** Where the users' tokens are: a session whose user has none there is not signed in. */
    private final BoxTokenStore tokens;
    private final BrowserSessions sessions;
    private final Clock clock;
    /** The shared store's resources, closed with the sign-in; {@code null} without one. */
    private final AutoCloseable cluster;
    private final String signInPath;
    private final String callbackPath;
    private final String afterSignIn;
    /**
     * The sign-in path on the redirect URI's scheme, host and port, marked as moved; {@code null} when that
     * URI's path does not end in the callback path, so where sign-in lives there is unknown.
     */
    private final URI canonicalSignIn;
    /** {@code null}: Secure when the browser spoke https. */
    private final Boolean secureCookies;
    private final boolean trustForwarded;

    OAuthWeb(BoxOAuth oauth, OAuthSettings settings, BoxTokenStore tokens, BrowserSessions sessions, Clock clock,
            AutoCloseable cluster) {
        this.oauth = oauth;
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
        this.cluster = cluster;
        this.callbackPath = strip(settings.callbackPath());
        int slash = this.callbackPath.lastIndexOf('/');
        this.signInPath = (slash < 0 ? "" : this.callbackPath.substring(0, slash + 1)) + "sign-in";
        this.afterSignIn = strip(settings.afterSignIn());
        this.canonicalSignIn = canonicalSignIn(settings.redirectUri(), callbackPath, signInPath);
        this.secureCookies = settings.secureCookies();
        this.trustForwarded = settings.trustForwarded();
    }

    /**
     * The browser sign-in of an OAuth 2.0 app: with {@code box.auth.store=jcache} everything in the shared
     * cache, so that any instance serves any browser; else in this instance's memory (the users' tokens in
     * the application's own {@code BoxTokenStore} bean where there is one).
     *
     * @param applicationStore the application's token store bean, or {@code null}
     */
    static OAuthWeb create(Settings settings, BoxTokenStore applicationStore) {
        OAuthSettings o = settings.oauth();
        BoxOAuthConfig config = BoxTokenProviderProducer.oauthConfig(settings);
        if (settings.store() == null) {
            BoxTokenStore tokens = applicationStore != null ? applicationStore : new InMemoryBoxTokenStore();
            return new OAuthWeb(BoxOAuth.create(config, tokens), o, tokens, new LocalBrowserSessions(
                    o.sessionIdleTimeout(), o.sessionLifetime(), MAX_LOCAL_SESSIONS, new SecureRandom()),
                    config.clock(), null);
        }
        ClusterStore cluster = ClusterStore.open(settings.store(), ServerTokenCache.open(settings.store()));
        try {
            BoxTokenStore tokens = cluster.tokens(settings.clientId());
            return new OAuthWeb(OAuthClient.create(config, tokens, cluster.secrets(),
                    cluster.usedSignInStates(o.signInTimeout())), o, tokens,
                    cluster.browserSessions(o.sessionIdleTimeout(), o.sessionLifetime()), config.clock(), cluster);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    BoxOAuth oauth() {
        return oauth;
    }

    /**
     * The Box user the browser with this session (its cookie, or {@code null}) is signed in as, or {@code null}:
     * the session is live, and the user's tokens are still stored (nobody signed them out everywhere, on any
     * instance).
     */
    String signedInUser(String session) {
        String user = sessions.user(session, clock.instant());
        if (user != null && tokens.load(user).isEmpty()) {
            sessions.end(session);
            return null;
        }
        return user;
    }

    /** Ends this browser's session, on every instance. */
    void signOut(String sessionId) {
        sessions.end(sessionId);
    }

    /** Revokes the user's tokens and ends every session they have, in every browser, on every instance. */
    void signOutEverywhere(String boxUserId) {
        oauth.signOut(boxUserId);
        sessions.endAll(boxUserId, clock.instant());
    }

    void close() {
        oauth.close();
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, () -> "Closing the shared store failed: " + e.getClass().getSimpleName());
            }
        }
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
        URI elsewhere = signInElsewhere(browserBase(request),
                request.getUriInfo().getQueryParameters().containsKey(MOVED));
        if (elsewhere != null) {
            return Response.seeOther(elsewhere).build();
        }
        SignIn signIn = oauth.startSignIn();
        return Response.seeOther(signIn.authorizeUrl())
                .cookie(cookie(request, STATE_COOKIE, signIn.state(), STATE_COOKIE_SECONDS))
                .build();
    }

    /**
     * Where a sign-in asked for at {@code base} (the application's base URI as the request reached it) must
     * start instead, or {@code null} when it starts here. The state cookie stays with the host the browser
     * is on, and Box sends the browser back to the redirect URI's host: a sign-in started on another name
     * of this server (127.0.0.1 for localhost, an IP for a DNS name) would come back without its cookie.
     * It moves once: behind a proxy that hides the browser's host from this server, it would move forever.
     */
    URI signInElsewhere(URI base, boolean moved) {
        if (canonicalSignIn == null || moved || sameOrigin(base, canonicalSignIn)) {
            return null;
        }
        return canonicalSignIn;
    }

    private static URI canonicalSignIn(URI redirectUri, String callbackPath, String signInPath) {
        String path = redirectUri.getRawPath();
        if (!path.endsWith("/" + callbackPath)) {
            return null;
        }
        String root = path.substring(0, path.length() - callbackPath.length());
        return URI.create(redirectUri.getScheme() + "://" + redirectUri.getRawAuthority() + root + signInPath + "?"
                + MOVED + "=1");
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && host(a).equalsIgnoreCase(host(b)) && port(a) == port(b);
    }

    /** The host, or the whole authority for a name {@link URI} does not parse as a host (one with an underscore). */
    private static String host(URI uri) {
        return uri.getHost() != null ? uri.getHost() : String.valueOf(uri.getRawAuthority());
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
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
        String session = sessions.start(user.boxUserId(), clock.instant());
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
        return trustForwarded && "https".equalsIgnoreCase(forwarded(request, "X-Forwarded-Proto", "proto"));
    }

    /**
     * The application's base URI as the browser sees it: behind a trusted proxy (a load balancer), with the
     * scheme and host the proxy says the browser used, so that a sign-in through it starts at once rather
     * than moving to the redirect URI's host first.
     */
    URI browserBase(ContainerRequestContext request) {
        URI base = base(request);
        if (!trustForwarded) {
            return base;
        }
        String proto = forwarded(request, "X-Forwarded-Proto", "proto");
        String host = forwarded(request, "X-Forwarded-Host", "host");
        if (proto == null && host == null) {
            return base;
        }
        try {
            return new URI((proto != null ? proto : base.getScheme()) + "://"
                    + (host != null ? host : base.getRawAuthority()) + base.getRawPath());
        } catch (URISyntaxException notAHost) {
            return base; // a header that names no host: the sign-in moves, as without a proxy
        }
    }

    /**
     * What the nearest proxy says of the browser's request: its {@code X-Forwarded-*} header, else that
     * parameter of {@code Forwarded}; {@code null} when neither says.
     */
    private static String forwarded(ContainerRequestContext request, String header, String parameter) {
        String xForwarded = request.getHeaderString(header);
        if (xForwarded != null && !xForwarded.isBlank()) {
            return xForwarded.split(",")[0].strip();
        }
        String forwarded = request.getHeaderString("Forwarded");
        if (forwarded == null) {
            return null;
        }
        for (String pair : forwarded.split(",")[0].split(";")) {
            String[] nameValue = pair.strip().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].equalsIgnoreCase(parameter)) {
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
