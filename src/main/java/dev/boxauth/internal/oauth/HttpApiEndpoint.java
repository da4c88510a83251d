package dev.boxauth.internal.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** {@link ApiEndpoint} over {@link HttpClient}. */
final class HttpApiEndpoint implements ApiEndpoint {

    private final URI apiUrl;
    private final HttpClient client;
    private final Duration readTimeout;

    HttpApiEndpoint(URI apiUrl, HttpClient client, Duration readTimeout) {
        this.apiUrl = apiUrl;
        this.client = client;
        this.readTimeout = readTimeout;
    }

    @Override
    public ApiResponse get(String path, String accessToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(Urls.join(apiUrl, path))
                .timeout(readTimeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .header("User-Agent", "box-auth")
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ApiResponse(response.statusCode(), response.body());
    }

    @Override
    public String describe() {
        return apiUrl.toString();
    }
}
