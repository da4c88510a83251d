package dev.boxauth.bench;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.jaxrs.BoxAuthFilter;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JAX-RS filter's cost per request, with a valid token cached: {@link BoxAuthFilter#filter} on a new
 * request (As-User and app lookup included), against the least a filter can do, a hand-written one that
 * puts {@code "Bearer " + accessToken()} into the same new request's headers. Box's SDKs have no JAX-RS
 * filter, so this one is box-auth's alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class FilterBench {

    private Fixture fixture;
    private BoxTokenProvider provider;
    private BoxAuthFilter filter;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new Fixture();
        provider = fixture.boxAuth();
        provider.accessToken();
        filter = new BoxAuthFilter(provider);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        provider.close();
        fixture.close();
    }

    @Benchmark
    public Object baseline() {
        Request request = new Request();
        request.getHeaders().putSingle("Authorization", "Bearer " + provider.accessToken());
        return request;
    }

    @Benchmark
    public Object boxAuthFilter() {
        Request request = new Request();
        filter.filter(request);
        return request;
    }

    /** A client request as a JAX-RS implementation hands it to filters: properties and headers. */
    static final class Request implements ClientRequestContext {

        private final Map<String, Object> properties = new HashMap<>();
        private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        @Override
        public Object getProperty(String name) {
            return properties.get(name);
        }

        @Override
        public Collection<String> getPropertyNames() {
            return properties.keySet();
        }

        @Override
        public void setProperty(String name, Object value) {
            properties.put(name, value);
        }

        @Override
        public void removeProperty(String name) {
            properties.remove(name);
        }

        @Override
        public MultivaluedMap<String, Object> getHeaders() {
            return headers;
        }

        @Override
        public URI getUri() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setUri(URI uri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public void setMethod(String method) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MultivaluedMap<String, String> getStringHeaders() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getHeaderString(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Date getDate() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Locale getLanguage() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaType getMediaType() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<MediaType> getAcceptableMediaTypes() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Locale> getAcceptableLanguages() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Cookie> getCookies() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasEntity() {
            return false;
        }

        @Override
        public Object getEntity() {
            return null;
        }

        @Override
        public Class<?> getEntityClass() {
            return null;
        }

        @Override
        public Type getEntityType() {
            return null;
        }

        @Override
        public void setEntity(Object entity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setEntity(Object entity, Annotation[] annotations, MediaType mediaType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Annotation[] getEntityAnnotations() {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutputStream getEntityStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setEntityStream(OutputStream outputStream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Client getClient() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Configuration getConfiguration() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void abortWith(Response response) {
            throw new UnsupportedOperationException();
        }
    }
}
