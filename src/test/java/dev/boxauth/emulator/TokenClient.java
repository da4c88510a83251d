package dev.boxauth.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** Talks to an emulator over real loopback HTTP with {@link HttpClient}, as box-auth will. */
final class TokenClient {

    static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final BoxEmulator box;
    private final HttpClient http;

    TokenClient(BoxEmulator box) {
        this(box, HttpClient.newHttpClient());
    }

    TokenClient(BoxEmulator box, HttpClient http) {
        this.box = box;
        this.http = http;
    }

    /** The form a correct client sends for {@code assertion}. */
    static Map<String, String> jwtForm(JwtApp app, String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", JWT_GRANT);
        form.put("assertion", assertion);
        form.put("client_id", app.clientId());
        form.put("client_secret", app.clientSecret());
        return form;
    }

    HttpResponse<String> requestToken(JwtApp app, TestAssertion assertion) {
        return postToken(jwtForm(app, assertion.compact()));
    }

    HttpResponse<String> postToken(Map<String, String> form) {
        return postRaw(encode(form));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Posts {@code body} as it is, for clients that get the encoding wrong. */
    HttpResponse<String> postRaw(String body) {
        return send(HttpRequest.newBuilder(URI.create(box.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Posts {@code form}, URL-encoded, to {@code url}, with extra header names and values.
     */
    HttpResponse<String> postForm(String url, Map<String, String> form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Posts a token request made of alternating names and values. */
    HttpResponse<String> postToken(String... namesAndValues) {
        return postToken(form(namesAndValues));
    }

    /** A mutable, ordered form of alternating names and values. */
    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    /** {@code GET /2.0/users/me} with a bearer token and an {@code As-User} header ({@code null}: none). */
    HttpResponse<String> usersMe(String accessToken, String asUser) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(box.apiUrl() + "/users/me"))
                .header("Authorization", "Bearer " + accessToken);
        if (asUser != null) {
            request.header("As-User", asUser);
        }
        return send(request.build());
    }

    /** The access token of a 200 token response; fails the test for any other. */
    static String accessToken(HttpResponse<String> response) {
        return (String) ok(response).get("access_token");
    }

    /** The JSON body of a 200 response; fails the test for any other. */
    static Map<String, Object> ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("Expected 200, got " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    /** The access token of a successful token response. */
    String token(JwtApp app, TestAssertion assertion) {
        HttpResponse<String> response = requestToken(app, assertion);
        if (response.statusCode() != 200) {
            throw new AssertionError("Token request failed: " + response.statusCode() + " " + response.body());
        }
        return (String) json(response).get("access_token");
    }

    HttpResponse<String> usersMe(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(box.apiUrl() + "/users/me"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String url, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build());
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JsonUtil.parseJson(response.body());
        } catch (JoseException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
