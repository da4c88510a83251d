package dev.boxauth.demo.web;

import dev.boxauth.jaxrs.BoxAuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Tells {@link BoxAuthFilter}, which runs next, to send the token of the Box app "web". An application
 * would rather put {@code @BoxApp("web")} on its Rest Client interface; that makes "web" an app every
 * deployment must configure, and the demo also runs with the user's own app alone, without sign-in.
 */
@Priority(Priorities.AUTHENTICATION - 1)
public class WebApp implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        request.setProperty(BoxAuthFilter.APP, "web");
    }
}
