package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a user's browser does on the emulator's authorize page: open it, read the consent form, press a
 * button. Redirects are not followed, so tests read the 302's {@code Location}.
 */
public final class Browser {

    private static final Pattern REQUEST_ID =
            Pattern.compile("<input type=\"hidden\" name=\"request_id\" value=\"([^\"]+)\">");

    private final BoxEmulator box;
    private final TokenClient http;

    /** @param client an HTTP client that does not follow redirects */
    public Browser(BoxEmulator box, HttpClient client) {
        assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        this.box = box;
        this.http = new TokenClient(box, client);
    }

    /** {@code GET authorize?…} with the parameters given as alternating names and values. */
    HttpResponse<String> open(String... namesAndValues) {
        String query = TokenClient.form(namesAndValues).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(box.authorizeUrl() + "?" + query)).build());
    }

    /** The hidden {@code request_id} of a consent page. */
    static String requestId(HttpResponse<String> consentPage) {
        assertThat(consentPage.statusCode()).as(consentPage.body()).isEqualTo(200);
        Matcher matcher = REQUEST_ID.matcher(consentPage.body());
        assertThat(matcher.find()).as("the consent form's hidden field").isTrue();
        return matcher.group(1);
    }

    /** Presses a consent button: {@code grant} or {@code deny}. */
    HttpResponse<String> press(String requestId, String consent) {
        return http.postForm(box.authorizeUrl(), TokenClient.form("request_id", requestId, "consent", consent));
    }

    /** Opens the page and grants access; the 302's {@code Location}. */
    URI grant(String... namesAndValues) {
        return location(press(requestId(open(namesAndValues)), "grant"));
    }

    /** Opens an authorize URL that an app made and grants access; the 302's {@code Location}. */
    public URI grant(URI authorizeUrl) {
        return location(press(requestId(http.send(HttpRequest.newBuilder(authorizeUrl).build())), "grant"));
    }

    /** The {@code Location} of a 302. */
    static URI location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.body()).isEmpty();
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** The decoded query parameters of {@code uri}. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
