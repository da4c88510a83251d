package dev.boxauth.demo.web;

import dev.boxauth.jaxrs.BoxAuthFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The same users API for the Box app "web" (OAuth 2.0), named by {@link WebApp}: calls act for the user
 * signed in in this browser.
 */
@RegisterRestClient(configKey = "box-api")
// Priorities given here: Payara's Rest Client does not order the filters by their own @Priority.
@RegisterProvider(value = WebApp.class, priority = Priorities.AUTHENTICATION - 1)
@RegisterProvider(value = BoxAuthFilter.class, priority = Priorities.AUTHENTICATION)
@ApplicationScoped
@Path("/users")
public interface WebUsers {

    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject me();
}
