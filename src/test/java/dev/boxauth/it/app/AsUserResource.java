package dev.boxauth.it.app;

import dev.boxauth.jaxrs.BoxAuthFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Calls {@code /users/me} with the enterprise token acting as a user: by request property, or by header. */
@Path("as-user")
@RequestScoped
public class AsUserResource {

    @Inject
    @ConfigProperty(name = "box.auth.api-url")
    String apiUrl;

    @GET
    @Path("property/{id}")
    public Response byProperty(@PathParam("id") String id) {
        Client client = ClientBuilder.newClient().register(BoxAuthFilter.class);
        try (Response box = client.target(apiUrl).path("users/me").request(MediaType.APPLICATION_JSON)
                .property(BoxAuthFilter.AS_USER, id).get()) {
            return Response.status(box.getStatus()).entity(box.readEntity(String.class)).build();
        } finally {
            client.close();
        }
    }

    @GET
    @Path("header/{id}")
    public Response byHeader(@PathParam("id") String id) {
        Client client = ClientBuilder.newClient().register(BoxAuthFilter.class);
        try (Response box = client.target(apiUrl).path("users/me").request(MediaType.APPLICATION_JSON)
                .header("As-User", id).get()) {
            return Response.status(box.getStatus()).entity(box.readEntity(String.class)).build();
        } finally {
            client.close();
        }
    }
}
