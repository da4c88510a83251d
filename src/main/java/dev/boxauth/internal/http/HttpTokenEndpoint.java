package dev.boxauth.internal.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One of Box's OAuth 2.0 endpoints that take a form (the token endpoint, the revoke endpoint), over the
 * provider's {@link BoxHttpClient}.
 */
public final class HttpTokenEndpoint implements TokenEndpoint {

    private final URI url;
    private final BoxHttpClient http;

    public HttpTokenEndpoint(URI url, BoxHttpClient http) {
        this.url = url;
        this.http = http;
    }

    @Override
    public TokenHttpResponse post(Map<String, String> form, Duration atMost) throws IOException, InterruptedException {
        HttpRequest request = BoxHttpClient.request(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response = http.send(request, atMost);
        // HttpHeaders looks names up case-insensitively, as HTTP/2's lower-case names need.
        return new TokenHttpResponse(response.statusCode(), response.body(),
                response.headers().firstValue("Date").orElse(null),
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
}
