package dev.boxauth.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The load balancer in front of a cluster's instances, on loopback: it forwards each request to the instance
 * the test routes it to, as a load balancer without sticky sessions may, so that a test decides which
 * instance handles each step of a browser's flow. The browser sees one address, as it would in production.
 */
final class RoutingProxy implements AutoCloseable {

    /** Headers the JDK's client sets itself, or that belong to one hop. */
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpServer server;
    private volatile int target;

    private RoutingProxy(HttpServer server) {
        this.server = server;
    }

    static RoutingProxy start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        RoutingProxy proxy = new RoutingProxy(server);
        server.createContext("/", proxy::forward);
        server.start();
        return proxy;
    }

    /** Where the browser goes: {@code http://localhost:<port>/}. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    /** Sends the requests from now on to the instance listening on {@code port}. */
    void routeTo(int port) {
        target = port;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + target + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body(exchange.getRequestBody()))
                    .header("X-Forwarded-Host", exchange.getRequestHeaders().getFirst("Host"))
                    .header("X-Forwarded-Proto", "http");
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!HOP.contains(header.getKey().toLowerCase())) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        }
    }

    private static HttpRequest.BodyPublisher body(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
