package dev.boxauth.internal.oauth;

import dev.boxauth.internal.http.BoxHttpClient;
import dev.boxauth.internal.http.BoxHttpRequest;
import dev.boxauth.internal.http.BoxHttpResponse;
import java.io.IOException;
import java.net.URI;

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
        BoxHttpResponse response = http.send(BoxHttpRequest.get(Urls.join(apiUrl, path))
                .header("Authorization", "Bearer " + accessToken));
        return new ApiResponse(response.status(), response.body());
    }

    @Override
    public String describe() {
        return apiUrl.toString();
    }
}
