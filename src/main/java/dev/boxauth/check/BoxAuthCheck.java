package dev.boxauth.check;

import dev.boxauth.BoxAuth;
import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxAuthProperties;
import dev.boxauth.BoxConfigException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.config.EnvironmentNames;
import dev.boxauth.internal.http.BoxHttpClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Checks a configuration end to end: builds a provider, gets a token and asks Box who the app is
 * ({@code GET /2.0/users/me}). Prints the identity, never a secret.
 *
 * <p>Run as a program, it reads the {@code box.auth.*} properties from system properties and from
 * environment variables ({@code BOX_AUTH_CONFIG_FILE} and so on) and exits 0 when Box accepted the token,
 * 1 when the configuration is wrong, 2 when Box refused or could not be reached.
 */
public final class BoxAuthCheck {

    /** Who a token represents, as {@code /2.0/users/me} answers. */
    public record Identity(String id, String name, String login) {
    }

    private BoxAuthCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(propertiesFromEnvironment(System.getenv()), System.out, System.err));
    }

    /** Runs the check with the given properties, printing to the given streams; returns the exit status. */
    public static int run(Map<String, String> properties, PrintStream out, PrintStream err) {
        try (BoxTokenProvider provider = BoxAuth.fromProperties(properties)) {
            Identity me = whoAmI(provider, apiUrl(properties), null);
            out.println("Box accepted the token: it represents " + me.name() + " (user id " + me.id() + ", login "
                    + me.login() + ").");
            return 0;
        } catch (BoxConfigException e) {
            err.println(e.getMessage());
            return 1;
        } catch (BoxAuthException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /**
     * Calls {@code /users/me} with the provider's token; on a 401, drops the token and tries once more.
     *
     * @param sslContext trust for the API, or {@code null} for the JVM's
     */
    public static Identity whoAmI(BoxTokenProvider provider, URI apiUrl, SSLContext sslContext) {
        URI me = URI.create(apiUrl.toString().replaceAll("/+$", "") + "/users/me?fields=id,name,login");
        try (BoxHttpClient client = BoxHttpClient.create(me, Duration.ofSeconds(10), Duration.ofSeconds(30),
                sslContext, null)) {
            return whoAmI(provider, client, me);
        }
    }

    private static Identity whoAmI(BoxTokenProvider provider, BoxHttpClient client, URI me) {
        for (int attempt = 1; ; attempt++) {
            String token = provider.accessToken();
            HttpResponse<String> response = get(client, me, token);
            if (response.statusCode() == 401 && attempt == 1) {
                provider.invalidate(token);
                continue;
            }
            if (response.statusCode() != 200) {
                throw new BoxAuthException("GET " + me.getPath() + " answered HTTP " + response.statusCode()
                        + ": the token was issued but the API did not accept it.");
            }
            try {
                Map<String, Object> json = JsonUtil.parseJson(response.body());
                return new Identity(Objects.toString(json.get("id")), Objects.toString(json.get("name")),
                        Objects.toString(json.get("login")));
            } catch (JoseException e) {
                throw new BoxAuthException("GET " + me.getPath() + " did not answer JSON.", e);
            }
        }
    }

    private static HttpResponse<String> get(BoxHttpClient client, URI uri, String token) {
        HttpRequest request = BoxHttpClient.request(uri).header("Authorization", "Bearer " + token).GET().build();
        try {
            return client.send(request);
        } catch (IOException e) {
            throw new BoxAuthException("Cannot reach the Box API at " + uri.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoxAuthException("Interrupted while calling the Box API.", e);
        }
    }

    private static URI apiUrl(Map<String, String> properties) {
        String url = properties.get(BoxAuthProperties.API_URL);
        return URI.create(url == null || url.isBlank() ? "https://api.box.com/2.0" : url.strip());
    }

    /**
     * The {@code box.auth.*} properties from system properties, then from environment variables named as
     * MicroProfile Config maps them ({@code box.auth.config-file} is {@code BOX_AUTH_CONFIG_FILE}).
     */
    public static Map<String, String> propertiesFromEnvironment(Map<String, String> environment) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : BoxAuthProperties.ALL) {
            String value = System.getProperty(name);
            if (value == null) {
                value = environment.get(EnvironmentNames.of(name));
            }
            if (value != null) {
                properties.put(name, value);
            }
        }
        return properties;
    }
}
