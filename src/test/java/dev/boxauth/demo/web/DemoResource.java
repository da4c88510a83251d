package dev.boxauth.demo.web;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.cdi.BoxUserSession;
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
 * {@code GET /demo/}: asks Box who this app is (JWT, the default app) and who signed in in this browser
 * (OAuth 2.0, the app "web"), each through a Rest Client whose only auth code is the filter;
 * {@code GET /demo/me}: the app as JSON. No secret is ever shown, tokens included.
 */
@Path("/")
@RequestScoped
public class DemoResource {

    @Inject
    @RestClient
    BoxUsers users;

    @Inject
    @RestClient
    WebUsers signedInUser;

    @Inject
    BoxTokenProvider provider;

    @Inject
    BoxUserSession session;

    @Inject
    @ConfigProperty(name = "demo.target")
    String target;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        try {
            JsonObject me = users.me();
            return Response.ok(html("<p id=\"answer\">Box says this app is <b>" + escape(me.getString("name", "?"))
                    + "</b>, user id " + escape(me.getString("id", "?")) + ", login " + escape(me.getString("login", "?"))
                    + ".</p><p>Its token expires at " + provider.token().expiresAt() + ".</p>" + signIn())).build();
        } catch (WebApplicationException e) {
            return failed("Box answered HTTP " + e.getResponse().getStatus() + ".");
        } catch (ProcessingException e) {
            // The filter's failure to get a token reaches the caller wrapped by the client.
            return failed("No token: " + (e.getCause() instanceof BoxAuthException box ? box.getMessage() : e.toString()));
        }
    }

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me() {
        return users.me();
    }

    /** The OAuth 2.0 part: who signed in in this browser, or a link to sign in. */
    private String signIn() {
        if (session.boxUserId().isEmpty()) {
            return "<p><a id=\"sign-in\" href=\"" + escape(session.signInPath()) + "\">Sign in with Box</a>"
                    + " (OAuth 2.0: your browser goes to Box, then comes back here)</p>";
        }
        JsonObject me = signedInUser.me();
        return "<p id=\"signed-in\">You signed in as <b>" + escape(me.getString("name", "?")) + "</b> ("
                + escape(me.getString("login", "?")) + ").</p>";
    }

    private Response failed(String why) {
        return Response.status(502).entity(html("<p id=\"answer\">" + escape(why) + "</p>")).type(MediaType.TEXT_HTML)
                .build();
    }

    private String html(String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>box-auth demo</title></head><body>"
                + "<h1>box-auth demo</h1><p>Talking to " + escape(target) + ".</p>" + body
                + "<p>The calls go through MicroProfile Rest Clients whose only auth code is"
                + " <code>@RegisterProvider(BoxAuthFilter.class)</code>.</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
