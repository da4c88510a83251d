package dev.boxauth.it.app;

import dev.boxauth.BoxTokenProvider;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A bean that injects the provider: answers with the current token's expiry (never the token). */
@Path("token")
@RequestScoped
public class TokenResource {

    @Inject
    BoxTokenProvider provider;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String expiry() {
        return provider.token().expiresAt().toString();
    }
}
