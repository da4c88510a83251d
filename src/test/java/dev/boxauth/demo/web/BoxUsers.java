package dev.boxauth.demo.web;

import dev.boxauth.jaxrs.BoxAuthFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Box's users API as a MicroProfile Rest Client; {@link BoxAuthFilter} is all the auth code there is. */
@RegisterRestClient(configKey = "box-api")
@RegisterProvider(BoxAuthFilter.class)
@ApplicationScoped
@Path("/users")
public interface BoxUsers {

    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject me();
}
