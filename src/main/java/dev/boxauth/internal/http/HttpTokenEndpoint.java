package dev.boxauth.internal.http;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * One of Box's OAuth 2.0 endpoints that take a form (the token endpoint, the revoke endpoint) over
 * {@link HttpClient}. One client per provider, shared by its endpoints, so refreshes ride a kept-alive
 * connection; the JVM's trust store and proxy settings apply unless an {@link SSLContext} or
 * {@link ProxySelector} is passed.
 */
public final class HttpTokenEndpoint implements TokenEndpoint {

    private static final String USER_AGENT = "box-auth";

    private final URI url;
    private final HttpClient client;
    private final Duration readTimeout;

    public HttpTokenEndpoint(URI url, HttpClient client, Duration readTimeout) {
        this.url = url;
        this.client = client;
        this.readTimeout = readTimeout;
    }

    /**
     * A client for Box. Redirects are not followed: a token request that is redirected would carry the
     * client secret to wherever the redirect points.
     */
    public static HttpClient newClient(URI url, Duration connectTimeout, SSLContext sslContext, ProxySelector proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        ProxySelector selector = proxy != null ? proxy : ProxySelector.getDefault();
        if (selector != null) {
            builder.proxy(selector);
        }
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        if ("http".equalsIgnoreCase(url.getScheme())) {
            // Plain http is only allowed on loopback (the emulator), which speaks HTTP/1.1: skip the h2c upgrade.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return builder.build();
    }

    @Override
    public TokenHttpResponse post(Map<String, String> form) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url);
        if ("http".equalsIgnoreCase(url.getScheme())) {
            // Loopback only (the emulator), which speaks HTTP/1.1, whichever URL the shared client was made for.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        HttpRequest request = builder
                .timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        // HttpHeaders looks names up case-insensitively, as HTTP/2's lower-case names need.
        return new TokenHttpResponse(response.statusCode(), response.body(),
                response.headers().firstValue("Date").map(HttpTokenEndpoint::parseDate).orElse(null),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    @Override
    public String describe() {
        return url.toString();
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** RFC 1123, as HTTP dates are sent; its day and month names are fixed English whatever the locale. */
    static Instant parseDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
