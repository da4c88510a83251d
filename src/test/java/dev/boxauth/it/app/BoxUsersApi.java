package dev.boxauth.it.app;

import dev.boxauth.jaxrs.BoxAuthFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Box's {@code /2.0/users/me} as a MicroProfile Rest Client; the filter is its only auth code. */
@RegisterRestClient(configKey = "box-api")
@RegisterProvider(BoxAuthFilter.class)
@ApplicationScoped
@Path("/users/me")
public interface BoxUsersApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String me();
}
