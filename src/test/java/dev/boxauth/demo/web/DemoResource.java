package dev.boxauth.demo.web;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code GET /demo/}: asks Box who this app is, through the Rest Client, and shows the answer;
 * {@code GET /demo/me}: the same as JSON. No secret is ever shown, the token included.
 */
@Path("/")
@RequestScoped
public class DemoResource {

    @Inject
    @RestClient
    BoxUsers users;

    @Inject
    BoxTokenProvider provider;

    @Inject
    @ConfigProperty(name = "demo.target")
    String target;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        try {
            JsonObject me = users.me();
            return Response.ok(html("Box says this app is <b>" + escape(me.getString("name", "?")) + "</b>, user id "
                    + escape(me.getString("id", "?")) + ", login " + escape(me.getString("login", "?")) + ".",
                    "Its token expires at " + provider.token().expiresAt() + ".")).build();
        } catch (WebApplicationException e) {
            return Response.status(502).entity(html("Box answered HTTP " + e.getResponse().getStatus() + ".", ""))
                    .type(MediaType.TEXT_HTML).build();
        } catch (ProcessingException e) {
            // The filter's failure to get a token reaches the caller wrapped by the client.
            String why = e.getCause() instanceof BoxAuthException box ? box.getMessage() : e.toString();
            return Response.status(502).entity(html("No token: " + escape(why), ""))
                    .type(MediaType.TEXT_HTML).build();
        }
    }

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me() {
        return users.me();
    }

    private String html(String answer, String detail) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>box-auth demo</title></head><body>"
                + "<h1>box-auth demo</h1><p>Talking to " + escape(target) + ".</p><p id=\"answer\">" + answer
                + "</p><p>" + detail + "</p><p>The call went through a MicroProfile Rest Client whose only auth"
                + " code is <code>@RegisterProvider(BoxAuthFilter.class)</code>.</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
