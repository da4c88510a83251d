package dev.boxauth.it.app;

import dev.boxauth.cdi.BoxApp;
import dev.boxauth.jaxrs.BoxAuthFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** {@code /users/me} of a second Box app, "archive": the same filter, told which app by {@link BoxApp}. */
@BoxApp("archive")
@RegisterRestClient(configKey = "box-archive")
@RegisterProvider(BoxAuthFilter.class)
@ApplicationScoped
@Path("/users/me")
public interface ArchiveUsersApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String me();
}
