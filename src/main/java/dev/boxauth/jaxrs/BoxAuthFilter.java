package dev.boxauth.jaxrs;

import dev.boxauth.BoxTokenProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Objects;

/**
 * Sends the Box access token with every request of a JAX-RS client or MicroProfile Rest Client, and drops
 * a token the API answered 401 to, so that the next request carries a new one.
 *
 * <pre>{@code
 * client.register(BoxAuthFilter.class);                     // JAX-RS client, in a CDI application
 * @RegisterProvider(BoxAuthFilter.class) interface BoxApi   // MicroProfile Rest Client
 * client.register(new BoxAuthFilter(provider));             // plain Java
 * }</pre>
 *
 * <p>Only delegates to the {@link BoxTokenProvider}: a request never waits on a lock while a valid token is
 * cached. A 401 is not retried here (a filter cannot resend a request); the caller's next request gets
 * the new token.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BoxAuthFilter implements ClientRequestFilter, ClientResponseFilter {

    private static final String BEARER = "Bearer ";
    /** Remembers, per request, which token was sent, so that a 401 invalidates exactly that one. */
    private static final String SENT_TOKEN = BoxAuthFilter.class.getName() + ".token";

    /**
     * Set once; looked up lazily because Rest Client providers do not reliably get CDI injection
     * (OpenLiberty issues 27326, 23758). A racing first lookup finds the same application-scoped proxy.
     */
    private volatile BoxTokenProvider provider;

    /** For CDI applications: the application's {@link BoxTokenProvider} bean is looked up on first use. */
    public BoxAuthFilter() {
    }

    /** For plain Java, or to use a provider other than the application's default one. */
    public BoxAuthFilter(BoxTokenProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public void filter(ClientRequestContext request) {
        String token = provider().accessToken();
        request.setProperty(SENT_TOKEN, token);
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, BEARER + token);
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() == 401 && request.getProperty(SENT_TOKEN) instanceof String token) {
            provider().invalidate(token);
        }
    }

    private BoxTokenProvider provider() {
        BoxTokenProvider p = provider;
        if (p == null) {
            p = CDI.current().select(BoxTokenProvider.class).get();
            provider = p;
        }
        return p;
    }

    @Override
    public String toString() {
        return "BoxAuthFilter[" + (provider == null ? "CDI provider, not yet looked up" : provider) + "]";
    }
}
