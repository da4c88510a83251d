package dev.boxauth.internal.oauth;

import dev.boxauth.internal.http.BoxHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@link ApiEndpoint} over the OAuth client's {@link BoxHttpClient}: bounded in time and size. */
final class HttpApiEndpoint implements ApiEndpoint {

    private final URI apiUrl;
    private final BoxHttpClient http;

    HttpApiEndpoint(URI apiUrl, BoxHttpClient http) {
        this.apiUrl = apiUrl;
        this.http = http;
    }

    @Override
    public ApiResponse get(String path, String accessToken) throws IOException, InterruptedException {
        HttpRequest request = BoxHttpClient.request(Urls.join(apiUrl, path))
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request);
        return new ApiResponse(response.statusCode(), response.body());
    }

    @Override
    public String describe() {
        return apiUrl.toString();
    }
}
