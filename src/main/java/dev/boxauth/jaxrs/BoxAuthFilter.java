package dev.boxauth.jaxrs;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.cdi.BoxApp;
import dev.boxauth.cdi.BoxAsUser;
import dev.boxauth.internal.config.Subject;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>Which app: {@link BoxApp} on the Rest Client interface, else the request property {@link #APP},
 * else the default app. Acting as a user: the request property {@link #AS_USER}, else an {@code As-User}
 * header the caller set, else {@link BoxAsUser} on the Rest Client method or interface. Whichever it is must
 * be a numeric Box user id: anything else fails the request with a {@link BoxAuthException} before it is sent.
 *
 * <p>Only delegates to the {@link BoxTokenProvider}: a request never waits on a lock while a valid token is
 * cached. A 401 is not retried here (a filter cannot resend a request); the caller's next request gets
 * the new token.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BoxAuthFilter implements ClientRequestFilter, ClientResponseFilter {

    /** Request property: the name of the Box app whose token to send (see {@link BoxApp}). */
    public static final String APP = "dev.boxauth.app";
    /** Request property: the Box user id to act as ({@code As-User}), numeric, such as {@code "1234567"}. */
    public static final String AS_USER = "dev.boxauth.as-user";

    private static final String BEARER = "Bearer ";
    private static final String AS_USER_HEADER = "As-User";
    /** MicroProfile Rest Client puts the interface method being called under this request property. */
    private static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";
    /** Remembers, per request, which provider and token were used, so that a 401 invalidates exactly that one. */
    private static final String SENT = BoxAuthFilter.class.getName() + ".sent";
    private static final String DEFAULT_APP = "";

    /** A request property, which a container may log: {@link #toString()} never shows the token. */
    private record Sent(BoxTokenProvider provider, String token) {

        @Override
        public String toString() {
            return "Sent[provider=" + provider + ", token=<redacted>]";
        }
    }

    /** The provider passed in (plain Java), or {@code null} to look providers up in CDI. */
    private final BoxTokenProvider given;
    /**
     * Providers found in CDI by app name. Looked up lazily because Rest Client providers do not reliably
     * get CDI injection (OpenLiberty issues 27326, 23758); the values are application-scoped proxies.
     */
    private final Map<String, BoxTokenProvider> found = new ConcurrentHashMap<>();

    /** For CDI applications: the application's {@link BoxTokenProvider} beans are looked up on first use. */
    public BoxAuthFilter() {
        this.given = null;
    }

    /** For plain Java, or to use a provider other than the application's. */
    public BoxAuthFilter(BoxTokenProvider provider) {
        this.given = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public void filter(ClientRequestContext request) {
        Method invoked = request.getProperty(INVOKED_METHOD) instanceof Method m ? m : null;
        // Checked first: a request that cannot be sent as asked needs no token.
        String asUser = asUser(request, invoked);
        BoxTokenProvider provider = provider(appName(request, invoked));
        String token = provider.accessToken();
        request.setProperty(SENT, new Sent(provider, token));
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, BEARER + token);
        if (asUser != null) {
            request.getHeaders().putSingle(AS_USER_HEADER, asUser);
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() == 401 && request.getProperty(SENT) instanceof Sent sent) {
            sent.provider().invalidate(sent.token());
        }
    }

    private static String appName(ClientRequestContext request, Method invoked) {
        if (invoked != null) {
            BoxApp app = invoked.getDeclaringClass().getAnnotation(BoxApp.class);
            if (app != null) {
                return app.value();
            }
        }
        return request.getProperty(APP) instanceof String name ? name : DEFAULT_APP;
    }

    /** The As-User to add, {@code null} for none (or the caller's own header, checked and left as it is). */
    private static String asUser(ClientRequestContext request, Method invoked) {
        Object property = request.getProperty(AS_USER);
        if (property != null) {
            return boxUserId(String.valueOf(property), "the request property " + AS_USER);
        }
        List<Object> header = request.getHeaders().get(AS_USER_HEADER);
        if (header != null) {
            for (Object value : header) {
                boxUserId(String.valueOf(value), "the " + AS_USER_HEADER + " header");
            }
            return null;
        }
        if (invoked == null) {
            return null;
        }
        BoxAsUser onMethod = invoked.getAnnotation(BoxAsUser.class);
        if (onMethod != null) {
            return boxUserId(onMethod.value(), "@BoxAsUser on " + invoked.getDeclaringClass().getName() + "."
                    + invoked.getName());
        }
        BoxAsUser onInterface = invoked.getDeclaringClass().getAnnotation(BoxAsUser.class);
        return onInterface == null ? null
                : boxUserId(onInterface.value(), "@BoxAsUser on " + invoked.getDeclaringClass().getName());
    }

    /**
     * {@code id}, when it is a Box user id; else a failure that names where it came from but not the value,
     * which is no id and may be anything (a line break would add a header of its own).
     */
    private static String boxUserId(String id, String source) {
        if (!Subject.isBoxId(id)) {
            throw new BoxAuthException(AS_USER_HEADER + " from " + source + " must be a numeric Box user id, such as"
                    + " 1234567 (the id of a managed or App User, not a login or a name); the request was not sent.");
        }
        return id;
    }

    private BoxTokenProvider provider(String app) {
        if (given != null) {
            return given;
        }
        BoxTokenProvider provider = found.get(app);
        if (provider == null) {
            provider = found.computeIfAbsent(app, name -> name.isEmpty()
                    ? CDI.current().select(BoxTokenProvider.class).get()
                    : CDI.current().select(BoxTokenProvider.class, BoxApp.Literal.of(name)).get());
        }
        return provider;
    }

    @Override
    public String toString() {
        return "BoxAuthFilter[" + (given != null ? given : "CDI providers " + found.keySet()) + "]";
    }
}
