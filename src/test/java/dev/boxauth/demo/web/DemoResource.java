package dev.boxauth.demo.web;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.cdi.BoxUserSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code GET /demo/}: asks Box who this app is (the default app) and who signed in in this browser (OAuth
 * 2.0, the app "web", when it is configured), each through a Rest Client whose only auth code is the
 * filter; {@code POST /demo/sign-out}: signs this browser out; {@code GET /demo/me}: the app as JSON. No
 * secret is ever shown, tokens included.
 */
@Path("/")
@RequestScoped
public class DemoResource {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;color:#222;max-width:46rem;"
            + "margin:2rem auto;padding:0 1rem}h1{font-size:1.6rem;margin-bottom:0}h2{font-size:1.1rem;margin:0 0 .5rem}"
            + "section{border:1px solid #d8dde3;border-radius:8px;padding:1rem 1.25rem;margin:1.25rem 0}"
            + ".note{color:#5c6670;font-size:.9rem}code{background:#f1f3f5;border-radius:4px;padding:0 .25em}"
            + "a.button,button{display:inline-block;background:#0061d5;color:#fff;border:0;border-radius:6px;"
            + "padding:.45rem 1rem;font:inherit;text-decoration:none;cursor:pointer}"
            + "button.quiet{background:#eef1f4;color:#222}";

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

    @Inject
    @ConfigProperty(name = DemoConfigSource.SIGN_IN)
    boolean signInConfigured;

    @Inject
    @ConfigProperty(name = DemoConfigSource.REDIRECT_URI)
    String redirectUri;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response page() {
        try {
            JsonObject me = users.me();
            return Response.ok(html("<section id=\"app\"><h2>This app</h2><p id=\"answer\">Box says this app is <b>"
                    + escape(me.getString("name", "?")) + "</b>, user id " + escape(me.getString("id", "?"))
                    + ", login " + escape(me.getString("login", "?")) + ".</p><p id=\"expiry\">Its access token "
                    + expiry(provider.token().expiresAt()) + ".</p></section>" + signIn())).build();
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

    @POST
    @Path("sign-out")
    public Response signOut(@Context UriInfo uri) {
        session.signOut();
        return Response.seeOther(uri.getBaseUri()).build();
    }

    /** "expires in 59 min, at 12:51 UTC": what a person reads, not an instant. */
    private static String expiry(Instant expiresAt) {
        long minutes = Math.max(0, Duration.between(Instant.now(), expiresAt).toMinutes());
        return "expires in " + minutes + " min, at " + CLOCK_TIME.format(expiresAt) + " UTC";
    }

    /** The OAuth 2.0 part: who signed in in this browser, a link to sign in, or what to set for sign-in. */
    private String signIn() {
        String body;
        if (!signInConfigured) {
            body = "<p id=\"sign-in-not-configured\">Not configured — set <code>BOX_AUTH_WEB_CLIENT_ID</code> and"
                    + " <code>BOX_AUTH_WEB_CLIENT_SECRET</code> (<code>box.auth.web.client-id</code>,"
                    + " <code>box.auth.web.client-secret</code>) to the client id and secret of a Box app that uses"
                    + " OAuth 2.0, add <code>" + escape(redirectUri) + "</code> to its redirect URIs (or set"
                    + " <code>BOX_AUTH_WEB_OAUTH_REDIRECT_URI</code> to one it has that leads here), and restart the"
                    + " demo.</p>";
        } else if (session.boxUserId().isEmpty()) {
            body = "<p><a class=\"button\" id=\"sign-in\" href=\"" + escape(session.signInPath())
                    + "\">Sign in with Box</a></p><p class=\"note\">Your browser goes to Box, then comes back here.</p>";
        } else {
            JsonObject me = signedInUser.me();
            body = "<p id=\"signed-in\">You signed in as <b>" + escape(me.getString("name", "?")) + "</b> ("
                    + escape(me.getString("login", "?")) + ").</p><form method=\"post\" action=\"sign-out\">"
                    + "<button class=\"quiet\" id=\"sign-out\" type=\"submit\">Sign out</button></form>";
        }
        return "<section id=\"oauth\"><h2>Sign in with Box (OAuth 2.0, the app \"web\")</h2>" + body + "</section>";
    }

    private Response failed(String why) {
        return Response.status(502).entity(html("<section><p id=\"answer\">" + escape(why) + "</p></section>"))
                .type(MediaType.TEXT_HTML + ";charset=utf-8").build();
    }

    private String html(String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>box-auth demo</title><style>"
                + STYLE + "</style></head><body><h1>box-auth demo</h1><p class=\"note\" id=\"target\">Talking to "
                + escape(target) + ".</p>" + body + "<p class=\"note\">The calls go through MicroProfile Rest Clients"
                + " whose only auth code is <code>@RegisterProvider(BoxAuthFilter.class)</code>.</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
