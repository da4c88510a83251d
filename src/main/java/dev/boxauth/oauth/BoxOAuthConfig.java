package dev.boxauth.oauth;

import dev.boxauth.BoxAuthProperties;
import dev.boxauth.BoxConfigException;
import dev.boxauth.internal.Secret;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.config.SettingsReader;
import io.opentelemetry.api.OpenTelemetry;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * The immutable configuration of a {@link BoxOAuth}: one Box app using OAuth 2.0 (user authentication).
 * Built with {@link #builder()}, which validates everything at once.
 *
 * <p>{@link #toString()} never shows the client secret.
 */
public final class BoxOAuthConfig {

    /** Box's authorize page. */
    public static final URI DEFAULT_AUTHORIZE_URL = SettingsReader.DEFAULT_AUTHORIZE_URL;
    /** Box's token endpoint. */
    public static final URI DEFAULT_TOKEN_URL = SettingsReader.DEFAULT_TOKEN_URL;
    /** Box's API root. */
    public static final URI DEFAULT_API_URL = SettingsReader.DEFAULT_API_URL;
    /** Box's revoke endpoint. */
    public static final URI DEFAULT_REVOKE_URL = SettingsReader.DEFAULT_REVOKE_URL;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = SettingsReader.DEFAULT_CONNECT_TIMEOUT;
    public static final Duration DEFAULT_READ_TIMEOUT = SettingsReader.DEFAULT_READ_TIMEOUT;
    public static final Duration DEFAULT_REFRESH_MARGIN = SettingsReader.DEFAULT_REFRESH_MARGIN;
    public static final Duration DEFAULT_SIGN_IN_TIMEOUT = SettingsReader.DEFAULT_SIGN_IN_TIMEOUT;

    private final String clientId;
    private final Secret clientSecret;
    private final URI redirectUri;
    private final List<String> scopes;
    private final URI authorizeUrl;
    private final URI tokenUrl;
    private final URI apiUrl;
    private final URI revokeUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration totalTimeout;
    private final Duration refreshMargin;
    private final Duration signInTimeout;
    private final Clock clock;
    private final SSLContext sslContext;
    private final ProxySelector proxy;
    private final Executor executor;
    private final OpenTelemetry openTelemetry;

    private BoxOAuthConfig(Settings settings, Builder b) {
        this.clientId = settings.clientId();
        this.clientSecret = settings.clientSecret();
        this.redirectUri = settings.oauth().redirectUri();
        this.scopes = settings.oauth().scopes();
        this.authorizeUrl = settings.oauth().authorizeUrl();
        this.tokenUrl = settings.tokenUrl();
        this.apiUrl = settings.apiUrl();
        this.revokeUrl = settings.revokeUrl();
        this.connectTimeout = settings.connectTimeout();
        this.readTimeout = settings.readTimeout();
        this.totalTimeout = settings.totalTimeout();
        this.refreshMargin = settings.refreshMargin();
        this.signInTimeout = settings.oauth().signInTimeout();
        this.clock = b.clock;
        this.sslContext = b.sslContext;
        this.proxy = b.proxy;
        this.executor = b.executor;
        this.openTelemetry = b.openTelemetry;
    }

    /** A builder with every default set and no client id, client secret nor redirect URI. */
    public static Builder builder() {
        return new Builder();
    }

    /** The app's client id (Developer Console, Configuration tab). */
    public String clientId() {
        return clientId;
    }

    /** The app's client secret. A secret: do not log it. */
    public String clientSecret() {
        return clientSecret.reveal();
    }

    /** Where Box sends the browser back; sent on every authorize and code-exchange request. */
    public URI redirectUri() {
        return redirectUri;
    }

    /** The scopes asked for, in order; empty means the scopes configured for the app. */
    public List<String> scopes() {
        return scopes;
    }

    /** Box's authorize page, where {@link BoxOAuth#startSignIn()} sends the browser. */
    public URI authorizeUrl() {
        return authorizeUrl;
    }

    /** Box's token endpoint: code exchange and refresh. */
    public URI tokenUrl() {
        return tokenUrl;
    }

    /** Box's API root; {@code /users/me} is appended to learn who signed in. */
    public URI apiUrl() {
        return apiUrl;
    }

    /** Box's revoke endpoint, called on sign-out. */
    public URI revokeUrl() {
        return revokeUrl;
    }

    /** How long connecting to Box may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long one request to Box may take to answer. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** The deadline of one token request across its retries, and of a caller's wait for a token. */
    public Duration totalTimeout() {
        return totalTimeout;
    }

    /** How long before an access token's expiry it is refreshed in the background. */
    public Duration refreshMargin() {
        return refreshMargin;
    }

    /** How long a started sign-in may take before its callback is refused ({@code state_expired}). */
    public Duration signInTimeout() {
        return signInTimeout;
    }

    /** The time source for token expiry, sign-in timeouts and refresh leases. */
    public Clock clock() {
        return clock;
    }

    /** The TLS context for Box; empty means the JVM's trust store. */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /** The proxy selector for Box; empty means the JVM's ({@code https.proxyHost} and so on). */
    public Optional<ProxySelector> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** Runs background refreshes; empty means a pool of daemon threads owned by the {@link BoxOAuth}. */
    public Optional<Executor> executor() {
        return Optional.ofNullable(executor);
    }

    /** Records the metrics of the token requests (code exchanges, refreshes); empty means none are recorded. */
    public Optional<OpenTelemetry> openTelemetry() {
        return Optional.ofNullable(openTelemetry);
    }

    @Override
    public String toString() {
        return "BoxOAuthConfig[clientId=" + clientId + ", clientSecret=<redacted>, redirectUri=" + redirectUri
                + ", scopes=" + scopes + ", authorizeUrl=" + authorizeUrl + ", tokenUrl=" + tokenUrl
                + ", apiUrl=" + apiUrl + ", revokeUrl=" + revokeUrl + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", totalTimeout=" + totalTimeout + ", refreshMargin=" + refreshMargin + ", signInTimeout="
                + signInTimeout + "]";
    }

    /**
     * Collects the settings; {@link #build()} checks them all and reports every problem at once.
     * Not thread-safe.
     */
    public static final class Builder {

        /** What is set, as the properties of {@link BoxAuthProperties}: one reader checks both ways of configuring. */
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private SSLContext sslContext;
        private ProxySelector proxy;
        private Executor executor;
        private OpenTelemetry openTelemetry;

        private Builder() {
            properties.put(BoxAuthProperties.METHOD, "oauth");
        }

        /** Required: the app's client id ({@value BoxAuthProperties#CLIENT_ID}). */
        public Builder clientId(String clientId) {
            return set(BoxAuthProperties.CLIENT_ID, clientId);
        }

        /** Required: the app's client secret ({@value BoxAuthProperties#CLIENT_SECRET}). */
        public Builder clientSecret(String clientSecret) {
            return set(BoxAuthProperties.CLIENT_SECRET, clientSecret);
        }

        /**
         * Required: the callback URL, exactly as registered among the app's redirect URIs in the Developer
         * Console ({@value BoxAuthProperties#OAUTH_REDIRECT_URI}). https, or http on localhost / a loopback address.
         */
        public Builder redirectUri(String redirectUri) {
            return set(BoxAuthProperties.OAUTH_REDIRECT_URI, redirectUri);
        }

        /** Scopes to ask for, such as {@code root_readwrite}; default none, meaning the app's configured scopes. */
        public Builder scopes(String... scopes) {
            return scopes(List.of(scopes));
        }

        /**
         * Replaces the scopes; duplicates are dropped, order is kept.
         *
         * @throws IllegalArgumentException for a scope that is not one word
         */
        public Builder scopes(Iterable<String> scopes) {
            List<String> words = new ArrayList<>();
            for (String scope : scopes) {
                if (scope == null || scope.isBlank() || !scope.strip().chars().allMatch(c -> c > ' ' && c != ',')) {
                    throw new IllegalArgumentException("scopes: each scope must be one word, such as root_readwrite.");
                }
                words.add(scope.strip());
            }
            return set(BoxAuthProperties.OAUTH_SCOPES, words.isEmpty() ? null : String.join(" ", words));
        }

        /** Default {@code https://account.box.com/api/oauth2/authorize}. */
        public Builder authorizeUrl(String url) {
            return set(BoxAuthProperties.OAUTH_AUTHORIZE_URL, url);
        }

        /** Default {@code https://api.box.com/oauth2/token}. */
        public Builder tokenUrl(String url) {
            return set(BoxAuthProperties.TOKEN_URL, url);
        }

        /** Default {@code https://api.box.com/2.0}; {@code /users/me} is appended. */
        public Builder apiUrl(String url) {
            return set(BoxAuthProperties.API_URL, url);
        }

        /** Default {@code https://api.box.com/oauth2/revoke}. */
        public Builder revokeUrl(String url) {
            return set(BoxAuthProperties.REVOKE_URL, url);
        }

        /** Default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            return set(BoxAuthProperties.CONNECT_TIMEOUT, timeout);
        }

        /** Default 30 s: the longest wait, after connecting, for Box's whole answer to one request. */
        public Builder readTimeout(Duration timeout) {
            return set(BoxAuthProperties.READ_TIMEOUT, timeout);
        }

        /** Default twice the read timeout: the deadline of one token request across its retries. */
        public Builder totalTimeout(Duration timeout) {
            return set(BoxAuthProperties.TOTAL_TIMEOUT, timeout);
        }

        /** Default 5 min; zero refreshes only when the token expires. */
        public Builder refreshMargin(Duration margin) {
            return set(BoxAuthProperties.REFRESH_MARGIN, margin);
        }

        /** Default 10 min: how long a started sign-in's {@code state} is accepted. */
        public Builder signInTimeout(Duration timeout) {
            return set(BoxAuthProperties.OAUTH_SIGN_IN_TIMEOUT, timeout);
        }

        /** Default the system clock (UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Default the JVM's trust store. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /** Default the JVM's proxy settings. */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /** Default a pool of daemon threads owned by the {@link BoxOAuth}; a container passes its managed executor. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Records metrics of the token requests through this OpenTelemetry, as {@code BoxAuth.Builder.openTelemetry}
         * does, with the grants {@code authorization_code} and {@code refresh_token} and no series per user.
         * Default none: nothing is recorded, and {@code io.opentelemetry:opentelemetry-api} need not be on the
         * class path.
         */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /**
         * Checks everything with the same rules, and the same message ids, as the {@code box.auth.*} properties
         * of {@link BoxAuthProperties}, which each setting corresponds to.
         *
         * @throws BoxConfigException listing every problem, each naming the property (never its value)
         */
        public BoxOAuthConfig build() {
            return new BoxOAuthConfig(SettingsReader.read(properties), this);
        }

        /** {@code null} restores the default. */
        private Builder set(String property, Object value) {
            if (value == null) {
                properties.remove(property);
            } else {
                properties.put(property, value.toString());
            }
            return this;
        }
    }
}
