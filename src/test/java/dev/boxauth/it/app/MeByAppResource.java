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

/** {@code /users/me} with the tokens of the app named in the path ("default" for the default app). */
@Path("me-by-app")
@RequestScoped
public class MeByAppResource {

    @Inject
    @ConfigProperty(name = "box.auth.api-url")
    String apiUrl;

    @GET
    @Path("{app}")
    public Response me(@PathParam("app") String app) {
        Client client = ClientBuilder.newClient().register(BoxAuthFilter.class);
        try (Response box = client.target(apiUrl).path("users/me").request(MediaType.APPLICATION_JSON)
                .property(BoxAuthFilter.APP, app.equals("default") ? "" : app).get()) {
            return Response.status(box.getStatus()).entity(box.readEntity(String.class)).build();
        } finally {
            client.close();
        }
    }
}
