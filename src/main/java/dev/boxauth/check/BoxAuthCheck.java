package dev.boxauth.check;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxConfigException;
import dev.boxauth.BoxTokenException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.ProviderFactory;
import dev.boxauth.internal.config.AuthMethod;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.config.SettingsReader;
import dev.boxauth.internal.config.Subject;
import dev.boxauth.internal.http.BoxHttpClient;
import dev.boxauth.internal.http.BoxHttpRequest;
import dev.boxauth.internal.http.BoxHttpResponse;
import dev.boxauth.internal.token.BoxJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Checks one Box app's configuration end to end: reads and validates it as the library does, gets a
 * token and asks Box who it represents ({@code GET /2.0/users/me}). Prints the app (client id), method,
 * subject, the token's lifetime, the user and the enterprise; never a secret. The command line around it
 * is {@code dev.boxauth.cli.CheckCommand} (the {@code check} jar).
 *
 * <p>Returns one of the exit statuses below; OAuth 2.0 is validated but cannot be checked further, since
 * only a user signing in with a browser gets its tokens.
 */
public final class BoxAuthCheck {

    /** Box issued a token and the API accepted it. */
    public static final int OK = 0;
    /** The configuration is wrong; nothing was sent to Box. */
    public static final int CONFIGURATION = 1;
    /** Box could not be reached or is unavailable: network error, timeout, HTTP 5xx or 429 after retries. */
    public static final int UNREACHABLE = 2;
    /** Box refused: the token request or the API call was rejected. */
    public static final int REFUSED = 3;
    /** OAuth 2.0: the configuration is valid, but only a browser sign-in can get a token. */
    public static final int NEEDS_BROWSER = 4;

    /**
     * Who a token represents, as {@code /2.0/users/me} answers.
     *
     * @param enterpriseId the user's enterprise, or {@code null} when Box's answer has none
     * @param enterpriseName its name, or {@code null}
     */
    public record Identity(String id, String name, String login, String enterpriseId, String enterpriseName) {
    }

    /** A label's width, so that the values line up. */
    private static final String LABEL = "%-11s %s%n";

    private BoxAuthCheck() {
    }

    /**
     * Runs the check with the given properties, printing the report to {@code out} and what failed to
     * {@code err}; returns the exit status ({@link #OK} to {@link #NEEDS_BROWSER}).
     */
    public static int run(Map<String, String> properties, PrintStream out, PrintStream err) {
        return run(properties, Clock.systemUTC(), out, err);
    }

    static int run(Map<String, String> properties, Clock clock, PrintStream out, PrintStream err) {
        Settings settings;
        try {
            settings = SettingsReader.read(properties);
        } catch (BoxConfigException e) {
            return configurationProblems(e, err);
        }
        out.printf(LABEL, "App:", settings.clientId() != null ? "client id " + settings.clientId()
                : "no client id (a developer token needs none; revoking it would)");
        out.printf(LABEL, "Method:", method(settings));
        if (settings.method() == AuthMethod.OAUTH) {
            out.printf(LABEL, "Not checked:", "an OAuth 2.0 token belongs to a user who signs in with a browser,"
                    + " which this check cannot do. The configuration is valid; to try it, deploy the application"
                    + " and open <application root>/box/oauth/sign-in in a browser.");
            return NEEDS_BROWSER;
        }
        out.printf(LABEL, "Subject:", subject(settings.subject()));
        try (BoxTokenProvider provider = ProviderFactory.create(settings,
                new ProviderFactory.Options(clock, null, null, null, null))) {
            BoxAccessToken token = provider.token();
            out.printf(LABEL, "Token:", lifetime(token.expiresAt(), clock.instant())
                    + (settings.method() == AuthMethod.DEVELOPER_TOKEN ? "" : ", from " + settings.tokenUrl()));
            Identity me = whoAmI(provider, settings.apiUrl(), null);
            out.printf(LABEL, "User:", me.name() + " (user id " + me.id() + ", login " + me.login() + ")");
            out.printf(LABEL, "Enterprise:", enterprise(me, settings.subject()));
            out.println("OK: Box issued a token and " + settings.apiUrl().getHost() + " accepted it.");
            return OK;
        } catch (BoxTokenException e) {
            return failed(e.isRetryable() ? UNREACHABLE : REFUSED, e.getMessage(), err);
        } catch (ApiCallFailed e) {
            return failed(e.unavailable ? UNREACHABLE : REFUSED, e.getMessage(), err);
        } catch (BoxConfigException e) {
            return configurationProblems(e, err);
        }
    }

    private static int configurationProblems(BoxConfigException e, PrintStream err) {
        err.println(e.getMessage());
        err.println("Exit status " + CONFIGURATION + ": the configuration is wrong; nothing was sent to Box.");
        return CONFIGURATION;
    }

    private static int failed(int status, String message, PrintStream err) {
        err.println((status == UNREACHABLE ? "Box could not be reached or is unavailable: " : "Box refused: ")
                + message);
        err.println("Exit status " + status + ".");
        return status;
    }

    private static String method(Settings settings) {
        return switch (settings.method()) {
            case JWT -> "JWT (key id " + settings.jwt().keyId() + ", " + settings.jwt().algorithm() + ")";
            case CCG -> "Client Credentials Grant";
            case OAUTH -> "OAuth 2.0 (redirect URI " + settings.oauth().redirectUri() + ")";
            case DEVELOPER_TOKEN -> "developer token";
        };
    }

    private static String subject(Subject subject) {
        if (subject == null) {
            return "whoever generated the developer token";
        }
        return subject.type() == Subject.Type.ENTERPRISE
                ? "the Service Account of enterprise " + subject.id() : "user " + subject.id();
    }

    /** How long the token lasts, rounded to minutes from two minutes on. */
    static String lifetime(Instant expiresAt, Instant now) {
        if (expiresAt.equals(Instant.MAX)) {
            return "a developer token, whose expiry Box does not tell: 60 minutes after it was generated, and"
                    + " it cannot be refreshed";
        }
        long seconds = Math.round(Duration.between(now, expiresAt).toMillis() / 1000.0);
        String in = seconds >= 120 ? Math.round(seconds / 60.0) + " min" : seconds + " s";
        return "issued, expires in " + in + " (" + expiresAt.truncatedTo(ChronoUnit.SECONDS) + ")";
    }

    private static String enterprise(Identity me, Subject subject) {
        if (me.enterpriseId() != null) {
            return me.enterpriseId() + (me.enterpriseName() == null ? "" : " (" + me.enterpriseName() + ")");
        }
        if (subject != null && subject.type() == Subject.Type.ENTERPRISE) {
            return subject.id() + " (as configured; Box's answer names none)";
        }
        return "none in Box's answer";
    }

    /**
     * Calls {@code /users/me} with the provider's token; on a 401, drops the token and tries once more.
     *
     * @param sslContext trust for the API, or {@code null} for the JVM's
     * @throws BoxTokenException when no token can be had
     * @throws BoxAuthException when the API cannot be reached or does not accept the token
     */
    public static Identity whoAmI(BoxTokenProvider provider, URI apiUrl, SSLContext sslContext) {
        URI me = URI.create(apiUrl.toString().replaceAll("/+$", "") + "/users/me?fields=id,name,login,enterprise");
        try (BoxHttpClient client = BoxHttpClient.create(Duration.ofSeconds(10), Duration.ofSeconds(30),
                sslContext, null)) {
            return whoAmI(provider, client, me);
        }
    }

    private static Identity whoAmI(BoxTokenProvider provider, BoxHttpClient client, URI me) {
        for (int attempt = 1; ; attempt++) {
            String token = provider.accessToken();
            BoxHttpResponse response = get(client, me, token);
            if (response.status() == 401 && attempt == 1) {
                provider.invalidate(token);
                continue;
            }
            if (response.status() != 200) {
                int status = response.status();
                throw new ApiCallFailed("GET " + me.getPath() + " answered HTTP " + status
                        + ": the token was issued but the API did not accept it.", status >= 500 || status == 429, null);
            }
            Map<String, Object> json = BoxJson.parse(response.body());
            if (json == null) {
                throw new ApiCallFailed("GET " + me.getPath() + " did not answer JSON.", true, null);
            }
            Map<?, ?> enterprise = json.get("enterprise") instanceof Map<?, ?> m ? m : Map.of();
            return new Identity(Objects.toString(json.get("id")), Objects.toString(json.get("name")),
                    Objects.toString(json.get("login")), stringOrNull(enterprise.get("id")),
                    stringOrNull(enterprise.get("name")));
        }
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }

    private static BoxHttpResponse get(BoxHttpClient client, URI uri, String token) {
        try {
            return client.send(BoxHttpRequest.get(uri).header("Authorization", "Bearer " + token));
        } catch (IOException e) {
            throw new ApiCallFailed("Cannot reach the Box API at " + uri.getHost() + ": " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallFailed("Interrupted while calling the Box API.", true, e);
        }
    }

    /** The API call after the token failed; {@code unavailable} when trying later may help. */
    private static final class ApiCallFailed extends BoxAuthException {

        private static final long serialVersionUID = 1L;

        private final boolean unavailable;

        ApiCallFailed(String message, boolean unavailable, Throwable cause) {
            super(message, cause);
            this.unavailable = unavailable;
        }
    }
}
