package dev.boxauth.internal.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Serves OAuth 2.0 sign-in ({@code <application root>/box/oauth/sign-in}) and its callback
 * ({@code box.auth.oauth.callback-path}, default {@code box/oauth/callback}) in every JAX-RS application of
 * a deployment whose Box app uses {@code box.auth.method=oauth}, and tells {@link RequestUser} which Box
 * user the request's browser signed in as. A pre-matching filter rather than a resource, because the
 * callback's path comes from configuration. Does nothing for other applications. Not API.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class OAuthEndpoints implements ContainerRequestFilter {

    /** Looked up once: the filter sees every request of the application. A racing lookup finds the same one. */
    private volatile BoxAuthExtension extension;

    @Override
    public void filter(ContainerRequestContext request) {
        BoxAuthExtension ext = extension;
        if (ext == null) {
            ext = CDI.current().select(BoxAuthExtension.class).get();
            extension = ext;
        }
        OAuthWeb web = ext.oauthWeb();
        if (web == null) {
            return;
        }
        Response response = web.handle(request);
        if (response != null) {
            request.abortWith(response);
            return;
        }
        String session = OAuthWeb.sessionOf(request);
        String user = web.signedInUser(session);
        if (user != null) {
            CDI.current().select(RequestUser.class).get().signedIn(user, session);
        }
    }
}
