package dev.boxauth.internal.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
        BoxHttpResponse response = http.send(BoxHttpRequest.postForm(url, encode(form)), atMost);
        return new TokenHttpResponse(response.status(), response.body(), response.header("Date"),
                response.header("Retry-After"));
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
