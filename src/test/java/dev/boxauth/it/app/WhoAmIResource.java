package dev.boxauth.it.app;

import dev.boxauth.cdi.BoxUserSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Who signed in in this browser, asked of Box through the Rest Client (whose filter uses the signed-in
 * user's token); a browser that has not signed in is sent to sign in.
 */
@Path("whoami")
@RequestScoped
public class WhoAmIResource {

    @Inject
    BoxUserSession session;

    @Inject
    @RestClient
    BoxUsersApi users;

    @GET
    public Response whoAmI() {
        if (session.boxUserId().isEmpty()) {
            return Response.seeOther(URI.create(session.signInPath())).build();
        }
        return Response.ok(users.me()).build();
    }
}
