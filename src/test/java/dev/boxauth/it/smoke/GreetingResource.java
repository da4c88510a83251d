package dev.boxauth.it.smoke;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/greeting/{name}}: JSON from a CDI bean. */
@Path("greeting")
@RequestScoped
public class GreetingResource {

    @Inject
    Greeter greeter;

    @GET
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting greet(@PathParam("name") String name) {
        return greeter.greet(name);
    }
}
