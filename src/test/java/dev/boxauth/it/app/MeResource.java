package dev.boxauth.it.app;

import dev.boxauth.jaxrs.BoxAuthFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls Box's {@code /users/me} through a Rest Client and through a plain JAX-RS client, each with the
 * filter registered and no other auth code. Box's status comes back as 502 with the status in the body.
 */
@Path("me")
@RequestScoped
public class MeResource {

    @Inject
    @RestClient
    BoxUsersApi api;

    @Inject
    @ConfigProperty(name = "box.auth.api-url")
    String apiUrl;

    @GET
    @Path("rest-client")
    public Response viaRestClient() {
        try {
            return Response.ok(api.me(), MediaType.APPLICATION_JSON).build();
        } catch (WebApplicationException e) {
            return Response.status(502).entity("Box answered " + e.getResponse().getStatus()).build();
        }
    }

    @GET
    @Path("jaxrs-client")
    public Response viaJaxrsClient() {
        Client client = ClientBuilder.newClient().register(BoxAuthFilter.class);
        try (Response box = client.target(apiUrl).path("users/me").request(MediaType.APPLICATION_JSON).get()) {
            return box.getStatus() == 200
                    ? Response.ok(box.readEntity(String.class), MediaType.APPLICATION_JSON).build()
                    : Response.status(502).entity("Box answered " + box.getStatus()).build();
        } finally {
            client.close();
        }
    }
}
