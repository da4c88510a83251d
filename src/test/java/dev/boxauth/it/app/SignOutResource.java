package dev.boxauth.it.app;

import dev.boxauth.cdi.BoxUserSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** {@code POST sign-out}: signs this browser out (on every instance, when sessions are shared). */
@Path("sign-out")
@RequestScoped
public class SignOutResource {

    @Inject
    BoxUserSession session;

    @POST
    public void signOut() {
        session.signOut();
    }
}
