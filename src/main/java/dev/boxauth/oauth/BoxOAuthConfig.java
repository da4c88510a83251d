package dev.boxauth.oauth;

import dev.boxauth.internal.Secret;
import dev.boxauth.internal.oauth.Urls;
import dev.boxauth.internal.token.RetryPolicy;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    public static final URI DEFAULT_AUTHORIZE_URL = URI.create("https://account.box.com/api/oauth2/authorize");
    /** Box's token endpoint. */
    public static final URI DEFAULT_TOKEN_URL = URI.create("https://api.box.com/oauth2/token");
    /** Box's API root. */
    public static final URI DEFAULT_API_URL = URI.create("https://api.box.com/2.0");
    /** Box's revoke endpoint. */
    public static final URI DEFAULT_REVOKE_URL = URI.create("https://api.box.com/oauth2/revoke");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
    public static final Duration DEFAULT_SIGN_IN_TIMEOUT = Duration.ofMinutes(10);

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

    private BoxOAuthConfig(Builder b, URI redirectUri, URI authorizeUrl, URI tokenUrl, URI apiUrl, URI revokeUrl) {
        this.clientId = b.clientId.strip();
        this.clientSecret = new Secret(b.clientSecret);
        this.redirectUri = redirectUri;
        this.scopes = List.copyOf(b.scopes);
        this.authorizeUrl = authorizeUrl;
        this.tokenUrl = tokenUrl;
        this.apiUrl = apiUrl;
        this.revokeUrl = revokeUrl;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.totalTimeout = b.totalTimeout != null ? b.totalTimeout : RetryPolicy.defaultTotalTimeout(b.readTimeout);
        this.refreshMargin = b.refreshMargin;
        this.signInTimeout = b.signInTimeout;
        this.clock = b.clock;
        this.sslContext = b.sslContext;
        this.proxy = b.proxy;
        this.executor = b.executor;
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

        private String clientId;
        private String clientSecret;
        private String redirectUri;
        private final Set<String> scopes = new LinkedHashSet<>();
        private String authorizeUrl = DEFAULT_AUTHORIZE_URL.toString();
        private String tokenUrl = DEFAULT_TOKEN_URL.toString();
        private String apiUrl = DEFAULT_API_URL.toString();
        private String revokeUrl = DEFAULT_REVOKE_URL.toString();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        /** {@code null}: derived from the read timeout. */
        private Duration totalTimeout;
        private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
        private Duration signInTimeout = DEFAULT_SIGN_IN_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private SSLContext sslContext;
        private ProxySelector proxy;
        private Executor executor;

        private Builder() {
        }

        /** Required: the app's client id. */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Required: the app's client secret. */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Required: the callback URL, exactly as registered among the app's redirect URIs in the Developer
         * Console. https, or http on localhost / a loopback address.
         */
        public Builder redirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
            return this;
        }

        /** Scopes to ask for, such as {@code root_readwrite}; default none, meaning the app's configured scopes. */
        public Builder scopes(String... scopes) {
            return scopes(List.of(scopes));
        }

        /** Replaces the scopes; duplicates are dropped, order is kept. */
        public Builder scopes(Iterable<String> scopes) {
            this.scopes.clear();
            scopes.forEach(s -> this.scopes.add(Objects.requireNonNull(s, "scope")));
            return this;
        }

        /** Default {@code https://account.box.com/api/oauth2/authorize}. */
        public Builder authorizeUrl(String url) {
            this.authorizeUrl = url;
            return this;
        }

        /** Default {@code https://api.box.com/oauth2/token}. */
        public Builder tokenUrl(String url) {
            this.tokenUrl = url;
            return this;
        }

        /** Default {@code https://api.box.com/2.0}; {@code /users/me} is appended. */
        public Builder apiUrl(String url) {
            this.apiUrl = url;
            return this;
        }

        /** Default {@code https://api.box.com/oauth2/revoke}. */
        public Builder revokeUrl(String url) {
            this.revokeUrl = url;
            return this;
        }

        /** Default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Default 30 s: the longest wait, after connecting, for Box's whole answer to one request. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** Default twice the read timeout: the deadline of one token request across its retries. */
        public Builder totalTimeout(Duration timeout) {
            this.totalTimeout = timeout;
            return this;
        }

        /** Default 5 min; zero refreshes only when the token expires. */
        public Builder refreshMargin(Duration margin) {
            this.refreshMargin = margin;
            return this;
        }

        /** Default 10 min: how long a started sign-in's {@code state} is accepted. */
        public Builder signInTimeout(Duration timeout) {
            this.signInTimeout = timeout;
            return this;
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
         * @throws IllegalArgumentException listing every problem, each naming the setting (never its value)
         */
        public BoxOAuthConfig build() {
            List<String> problems = new ArrayList<>();
            if (clientId == null || clientId.isBlank()) {
                problems.add("clientId: is missing. Use the app's client id from the Developer Console's Configuration tab.");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                problems.add("clientSecret: is missing. Use the app's client secret from the Developer Console's"
                        + " Configuration tab.");
            }
            URI redirect = Urls.parse("redirectUri", redirectUri, problems);
            for (String scope : scopes) {
                if (scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
                    problems.add("scopes: each scope must be one non-blank word, such as root_readwrite.");
                    break;
                }
            }
            URI authorize = Urls.parse("authorizeUrl", authorizeUrl, problems);
            URI token = Urls.parse("tokenUrl", tokenUrl, problems);
            URI api = Urls.parse("apiUrl", apiUrl, problems);
            URI revoke = Urls.parse("revokeUrl", revokeUrl, problems);
            positive("connectTimeout", connectTimeout, problems);
            positive("readTimeout", readTimeout, problems);
            if (totalTimeout != null) {
                positive("totalTimeout", totalTimeout, problems);
            }
            positive("signInTimeout", signInTimeout, problems);
            if (refreshMargin == null || refreshMargin.isNegative()) {
                problems.add("refreshMargin: must be zero or positive.");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException((problems.size() == 1
                        ? "The Box OAuth 2.0 configuration has a problem:"
                        : "The Box OAuth 2.0 configuration has " + problems.size() + " problems:")
                        + "\n  " + String.join("\n  ", problems));
            }
            return new BoxOAuthConfig(this, redirect, authorize, token, api, revoke);
        }

        private static void positive(String field, Duration value, List<String> problems) {
            if (value == null || value.isNegative() || value.isZero()) {
                problems.add(field + ": must be a positive duration.");
            }
        }
    }
}
