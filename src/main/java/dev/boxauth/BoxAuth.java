package dev.boxauth;

import dev.boxauth.internal.ProviderFactory;
import dev.boxauth.internal.config.SettingsReader;
import io.opentelemetry.api.OpenTelemetry;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javax.cache.Cache;
import javax.net.ssl.SSLContext;

/**
 * Builds a {@link BoxTokenProvider} in plain Java, from the same properties MicroProfile Config reads
 * ({@link BoxAuthProperties}): JWT, the Client Credentials Grant or a developer token. (OAuth 2.0 tokens
 * belong to the users who sign in, so its providers come from the OAuth 2.0 API instead.)
 *
 * <pre>{@code
 * try (BoxTokenProvider box = BoxAuth.fromProperties(Map.of(
 *         "box.auth.config-file", "/run/secrets/box-config.json"))) {
 *     String token = box.accessToken();
 * }
 * }</pre>
 *
 * <p>The configuration is validated and the private key decrypted here, once; a bad configuration
 * throws {@link BoxConfigException} listing every problem. No token is requested until the first call.
 */
public final class BoxAuth {

    private BoxAuth() {
    }

    /**
     * A provider configured by properties named as in {@link BoxAuthProperties}.
     *
     * @throws BoxConfigException listing every problem, when the configuration cannot work
     * @throws BoxAuthException for {@code box.auth.method=oauth}, whose providers are per signed-in user
     */
    public static BoxTokenProvider fromProperties(Map<String, String> properties) {
        return builder().properties(properties).build();
    }

    /** A builder, for code that prefers methods to property names, or needs a clock, executor, TLS or proxy. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects properties and runtime options; {@link #build()} validates them all at once. Not thread-safe. */
    public static final class Builder {

        private final Map<String, String> properties = new LinkedHashMap<>();
        private Clock clock;
        private Executor executor;
        private SSLContext sslContext;
        private ProxySelector proxy;
        private Cache<?, ?> tokenCache;
        private OpenTelemetry openTelemetry;

        private Builder() {
        }

        /** Sets one property of {@link BoxAuthProperties}; {@code null} unsets it. */
        public Builder property(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                properties.remove(name);
            } else {
                properties.put(name, value);
            }
            return this;
        }

        /** Sets every property of the map. */
        public Builder properties(Map<String, String> values) {
            values.forEach(this::property);
            return this;
        }

        /** {@value BoxAuthProperties#METHOD}: {@code jwt}, {@code ccg} or {@code developer-token}; inferred when unset. */
        public Builder method(String method) {
            return property(BoxAuthProperties.METHOD, method);
        }

        /** {@value BoxAuthProperties#CONFIG_FILE}: the Developer Console JSON file. */
        public Builder configFile(Path file) {
            return property(BoxAuthProperties.CONFIG_FILE, file.toString());
        }

        /** {@value BoxAuthProperties#CONFIG}: the Developer Console JSON itself. */
        public Builder config(String json) {
            return property(BoxAuthProperties.CONFIG, json);
        }

        /** {@value BoxAuthProperties#CLIENT_ID}. */
        public Builder clientId(String clientId) {
            return property(BoxAuthProperties.CLIENT_ID, clientId);
        }

        /** {@value BoxAuthProperties#CLIENT_SECRET}. */
        public Builder clientSecret(String clientSecret) {
            return property(BoxAuthProperties.CLIENT_SECRET, clientSecret);
        }

        /** {@value BoxAuthProperties#ENTERPRISE_ID}. */
        public Builder enterpriseId(String enterpriseId) {
            return property(BoxAuthProperties.ENTERPRISE_ID, enterpriseId);
        }

        /** {@value BoxAuthProperties#USER_ID}: a token for this user instead of the Service Account. */
        public Builder userId(String userId) {
            return property(BoxAuthProperties.USER_ID, userId);
        }

        /** {@value BoxAuthProperties#JWT_KEY_ID}. */
        public Builder keyId(String keyId) {
            return property(BoxAuthProperties.JWT_KEY_ID, keyId);
        }

        /** {@value BoxAuthProperties#JWT_PRIVATE_KEY}: the private key as PEM text. */
        public Builder privateKey(String pem) {
            return property(BoxAuthProperties.JWT_PRIVATE_KEY, pem);
        }

        /** {@value BoxAuthProperties#JWT_PRIVATE_KEY_FILE}. */
        public Builder privateKeyFile(Path file) {
            return property(BoxAuthProperties.JWT_PRIVATE_KEY_FILE, file.toString());
        }

        /** {@value BoxAuthProperties#JWT_PASSPHRASE}. */
        public Builder passphrase(String passphrase) {
            return property(BoxAuthProperties.JWT_PASSPHRASE, passphrase);
        }

        /** {@value BoxAuthProperties#JWT_ALGORITHM}: RS256, RS384 or RS512. */
        public Builder algorithm(String algorithm) {
            return property(BoxAuthProperties.JWT_ALGORITHM, algorithm);
        }

        /** {@value BoxAuthProperties#TOKEN_URL}. */
        public Builder tokenUrl(String url) {
            return property(BoxAuthProperties.TOKEN_URL, url);
        }

        /** {@value BoxAuthProperties#REVOKE_URL}. */
        public Builder revokeUrl(String url) {
            return property(BoxAuthProperties.REVOKE_URL, url);
        }

        /** {@value BoxAuthProperties#API_URL}. */
        public Builder apiUrl(String url) {
            return property(BoxAuthProperties.API_URL, url);
        }

        /** {@value BoxAuthProperties#CONNECT_TIMEOUT}. */
        public Builder connectTimeout(Duration timeout) {
            return property(BoxAuthProperties.CONNECT_TIMEOUT, timeout.toString());
        }

        /** {@value BoxAuthProperties#READ_TIMEOUT}. */
        public Builder readTimeout(Duration timeout) {
            return property(BoxAuthProperties.READ_TIMEOUT, timeout.toString());
        }

        /** {@value BoxAuthProperties#TOTAL_TIMEOUT}. */
        public Builder totalTimeout(Duration timeout) {
            return property(BoxAuthProperties.TOTAL_TIMEOUT, timeout.toString());
        }

        /** {@value BoxAuthProperties#REFRESH_MARGIN}. */
        public Builder refreshMargin(Duration margin) {
            return property(BoxAuthProperties.REFRESH_MARGIN, margin.toString());
        }

        /** {@value BoxAuthProperties#USER_CACHE_SIZE}: how many per-user providers are kept. */
        public Builder userCacheSize(int size) {
            return property(BoxAuthProperties.USER_CACHE_SIZE, Integer.toString(size));
        }

        /** {@value BoxAuthProperties#REVOKE_ON_SHUTDOWN}: revoke the cached tokens on {@link BoxTokenProvider#close()}. */
        public Builder revokeOnShutdown(boolean revoke) {
            return property(BoxAuthProperties.REVOKE_ON_SHUTDOWN, Boolean.toString(revoke));
        }

        /** {@value BoxAuthProperties#DEVELOPER_TOKEN}: a token from the Developer Console, valid 60 minutes. */
        public Builder developerToken(String token) {
            return property(BoxAuthProperties.DEVELOPER_TOKEN, token);
        }

        /** The time source for expiry and assertions; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Runs background refreshes; default a pool of daemon threads owned by the provider. A container
         * passes its managed executor here.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The TLS context for the token endpoint; default the JVM's trust store. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * The JCache cache that {@value BoxAuthProperties#STORE}{@code =jcache} shares tokens through, for an
         * application that has its own JCache provider set up (a Hazelcast member, say); default the cache of
         * the configured name from the default provider.
         */
        public Builder tokenCache(Cache<?, ?> cache) {
            this.tokenCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Records metrics of the token requests through this OpenTelemetry (its {@code MeterProvider}, meter
         * {@code dev.boxauth}): requests by grant and outcome, their duration, retries, and how long the cached
         * token still lives; see docs/configuration.md. Default none: nothing is recorded, and
         * {@code io.opentelemetry:opentelemetry-api} need not be on the class path.
         */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** The proxy selector for the token endpoint; default the JVM's ({@code https.proxyHost} and so on). */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Validates the configuration, decrypts the private key and returns the provider.
         *
         * @throws BoxConfigException listing every problem, when the configuration cannot work
         * @throws BoxAuthException for {@code box.auth.method=oauth}, whose providers are per signed-in user
         */
        public BoxTokenProvider build() {
            return ProviderFactory.create(SettingsReader.read(properties),
                    new ProviderFactory.Options(clock, executor, sslContext, proxy, null, tokenCache, openTelemetry));
        }
    }
}
