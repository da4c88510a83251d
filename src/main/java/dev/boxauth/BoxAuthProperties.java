package dev.boxauth;

import java.util.List;

/**
 * The configuration property names: the public contract shared by {@link BoxAuth#fromProperties},
 * MicroProfile Config and environment variables ({@code box.auth.config-file} is
 * {@code BOX_AUTH_CONFIG_FILE} there). A blank value counts as not set. Every problem is reported when
 * the provider is built (a {@link BoxConfigException} listing them all), never later.
 *
 * <p>The authentication method ({@link #METHOD}) is inferred from the properties set, so that most
 * configurations need not name it: a {@link #DEVELOPER_TOKEN} means a developer token; JWT key material
 * (a config JSON with {@code appAuth}, a key id or a private key) means JWT; an OAuth 2.0 property
 * ({@link #OAUTH_REDIRECT_URI}) means OAuth 2.0; a client id and secret and nothing else mean the Client
 * Credentials Grant. Properties of one method next to another method's are a problem, not ignored.
 *
 * <p>Credentials come from the Developer Console's JSON file ({@link #CONFIG_FILE}), the same JSON
 * inline ({@link #CONFIG}), or the separate properties; a separate property overrides the matching
 * field of the JSON.
 */
public final class BoxAuthProperties {

    /**
     * The authentication method: {@code jwt}, {@code ccg} (Client Credentials Grant), {@code oauth}
     * (OAuth 2.0, a token per signed-in user) or {@code developer-token}. Default: inferred from the other
     * properties (see above). An unknown value, a configuration that fits several methods or none, or
     * another method's properties next to the chosen one are problems.
     */
    public static final String METHOD = "box.auth.method";
    /**
     * Path to the Developer Console JSON config file. Not with {@link #CONFIG}. Read again before a token
     * request when it changed on disk, so that a new client secret or key pair is used without a restart;
     * a changed file that does not work is logged and the configuration in use is kept.
     */
    public static final String CONFIG_FILE = "box.auth.config-file";
    /** The Developer Console JSON itself, for example from an environment variable. Not with {@link #CONFIG_FILE}. */
    public static final String CONFIG = "box.auth.config";
    /**
     * The app's client id; overrides {@code boxAppSettings.clientID}. Required for JWT, Client Credentials
     * and OAuth 2.0; with a developer token, only to revoke it.
     */
    public static final String CLIENT_ID = "box.auth.client-id";
    /** The app's client secret; overrides {@code boxAppSettings.clientSecret}. A secret. Required as the client id is. */
    public static final String CLIENT_SECRET = "box.auth.client-secret";
    /**
     * The enterprise whose Service Account the token is for (JWT and Client Credentials); overrides
     * {@code enterpriseID}. Numeric. Not with OAuth 2.0 or a developer token, whose tokens represent a user.
     */
    public static final String ENTERPRISE_ID = "box.auth.enterprise-id";
    /**
     * A user (App User or managed user) to get a token for instead of the Service Account (JWT and Client
     * Credentials). Numeric. For tokens of many users, use {@link BoxTokenProvider#forUser} instead.
     */
    public static final String USER_ID = "box.auth.user-id";
    /** JWT: the id Box gave the public key; overrides {@code boxAppSettings.appAuth.publicKeyID}. */
    public static final String JWT_KEY_ID = "box.auth.jwt.key-id";
    /** JWT: the RSA private key as PEM text; overrides {@code appAuth.privateKey}. Not with {@link #JWT_PRIVATE_KEY_FILE}. A secret. */
    public static final String JWT_PRIVATE_KEY = "box.auth.jwt.private-key";
    /**
     * JWT: path to a PEM file holding the RSA private key. Not with {@link #JWT_PRIVATE_KEY}. Read again when
     * it changes, as {@link #CONFIG_FILE} is.
     */
    public static final String JWT_PRIVATE_KEY_FILE = "box.auth.jwt.private-key-file";
    /** JWT: the passphrase of an encrypted private key; overrides {@code appAuth.passphrase}. A secret. */
    public static final String JWT_PASSPHRASE = "box.auth.jwt.passphrase";
    /** JWT: the signature algorithm of the assertion: {@code RS256} (default), {@code RS384} or {@code RS512}. */
    public static final String JWT_ALGORITHM = "box.auth.jwt.algorithm";
    /** The token endpoint; default {@code https://api.box.com/oauth2/token}. {@code https} unless on loopback. */
    public static final String TOKEN_URL = "box.auth.token-url";
    /**
     * The revoke endpoint, used by {@link BoxTokenProvider#revoke()}; default
     * {@code https://api.box.com/oauth2/revoke}. {@code https} unless on loopback.
     */
    public static final String REVOKE_URL = "box.auth.revoke-url";
    /** The API base; default {@code https://api.box.com/2.0}. {@code https} unless on loopback. */
    public static final String API_URL = "box.auth.api-url";
    /** How long to wait for a connection to Box; default {@code 10s}. */
    public static final String CONNECT_TIMEOUT = "box.auth.connect-timeout";
    /**
     * How long to wait, after connecting, for Box's whole answer to one request (headers and body); default
     * {@code 30s}. A request still unanswered then is cancelled.
     */
    public static final String READ_TIMEOUT = "box.auth.read-timeout";
    /**
     * The deadline of one token request, all its attempts and the waits between them together; default
     * twice {@value #READ_TIMEOUT}. A caller waiting for a token is freed at this deadline (plus a second)
     * with a retryable {@link BoxTokenException}, and the next call starts a new request.
     */
    public static final String TOTAL_TIMEOUT = "box.auth.total-timeout";
    /** How long before expiry a token is refreshed in the background; default {@code 5m}. */
    public static final String REFRESH_MARGIN = "box.auth.refresh-margin";

    /**
     * {@code true} to obtain the first token when the provider is built (at deployment, in a container),
     * so that a configuration Box refuses fails at startup; default {@code false}: the first call gets it.
     */
    public static final String FETCH_ON_STARTUP = "box.auth.fetch-on-startup";

    /**
     * How many per-user providers ({@link BoxTokenProvider#forUser}) are kept, each with its cached token;
     * default {@code 100}. The least recently used one is closed beyond that (a caller still holding it is
     * served by its replacement). A positive integer.
     */
    public static final String USER_CACHE_SIZE = "box.auth.user-cache-size";

    /**
     * {@code true} to revoke the cached tokens at Box when the provider is closed (the application stops);
     * default {@code false}. Best effort: a failure is logged, never thrown, and each revocation waits at
     * most the connect and read timeouts. Needs the client id and secret.
     */
    public static final String REVOKE_ON_SHUTDOWN = "box.auth.revoke-on-shutdown";

    /**
     * A developer token from the Developer Console (the app → Configuration → Generate Developer Token),
     * for trying things out. A secret. It lasts 60 minutes and cannot be refreshed: the provider hands it
     * out as is (its expiry unknown, {@link BoxAccessToken#expiresAt()} is {@link java.time.Instant#MAX}),
     * and once it is invalidated after a 401 or revoked every call throws a {@link BoxTokenException}
     * saying how to get a new one. Not with JWT, OAuth 2.0 or a subject property.
     */
    public static final String DEVELOPER_TOKEN = "box.auth.developer-token";

    /**
     * OAuth 2.0: the redirect URI registered for the app in the Developer Console, where Box sends the
     * browser back after sign-in; required for {@code oauth}. Absolute {@code https}, or {@code http} on
     * loopback; no fragment.
     */
    public static final String OAUTH_REDIRECT_URI = "box.auth.oauth.redirect-uri";
    /**
     * OAuth 2.0: the scopes to ask for, separated by spaces or commas, such as
     * {@code root_readwrite manage_groups}; default none (the scopes configured for the app).
     */
    public static final String OAUTH_SCOPES = "box.auth.oauth.scopes";
    /**
     * OAuth 2.0: Box's authorize page; default {@code https://account.box.com/api/oauth2/authorize}.
     * {@code https} unless on loopback.
     */
    public static final String OAUTH_AUTHORIZE_URL = "box.auth.oauth.authorize-url";
    /**
     * OAuth 2.0: the path of the callback, relative to the JAX-RS application root; default
     * {@code box/oauth/callback}. A relative path (no scheme, no leading {@code /}, no {@code ..}, no query).
     */
    public static final String OAUTH_CALLBACK_PATH = "box.auth.oauth.callback-path";
    /**
     * OAuth 2.0: where the browser goes after signing in; default {@code /}. A path inside the application
     * (starting with {@code /}, without scheme, host or {@code //}), so that it cannot send the user to
     * another site.
     */
    public static final String OAUTH_AFTER_SIGN_IN = "box.auth.oauth.after-sign-in";

    /**
     * Where tokens are kept besides each instance's memory: {@code local} (default, nothing shared) or
     * {@code jcache}, a JCache (JSR-107) cache that the instances of a cluster share, so that they make one
     * token request per expiry together. Needs {@value #STORE_KEYS}, and a JCache provider on the class path.
     */
    public static final String STORE = "box.auth.store";
    /** The JCache cache's name; default {@code box-auth-tokens}. Created when it does not exist. */
    public static final String STORE_CACHE_NAME = "box.auth.store.cache-name";
    /**
     * The keys that encrypt tokens in the store (AES-GCM), comma-separated {@code id:base64} pairs such as
     * {@code k2:3q2+7w...,k1:...}, each key 16, 24 or 32 bytes. The first encrypts; all decrypt, so a new
     * key goes first and the old one stays until the tokens it encrypted have expired. Secret: the same
     * on every instance of the cluster.
     */
    public static final String STORE_KEYS = "box.auth.store.keys";
    /**
     * How long one call into the shared cache may take; default {@code 2s}. Past it the instance carries on
     * without the cache (asks Box itself for a token), so a hung cache delays a token by this much at most.
     */
    public static final String STORE_TIMEOUT = "box.auth.store.timeout";

    /** OAuth 2.0: how long a started sign-in may take, from the sign-in link to the callback; default {@code 10m}. */
    public static final String OAUTH_SIGN_IN_TIMEOUT = "box.auth.oauth.sign-in-timeout";
    /** OAuth 2.0: a browser session unused this long ends; default {@code 30m}. */
    public static final String OAUTH_SESSION_IDLE_TIMEOUT = "box.auth.oauth.session-idle-timeout";
    /** OAuth 2.0: a browser session ends this long after sign-in, however much it is used; default {@code 12h}. */
    public static final String OAUTH_SESSION_LIFETIME = "box.auth.oauth.session-lifetime";

    /**
     * OAuth 2.0: {@code true} marks the sign-in cookies {@code Secure} always, {@code false} never; unset
     * (the default) marks them when the browser spoke https: the request's own scheme, or, with
     * {@value #OAUTH_TRUST_FORWARDED}, what a TLS-terminating proxy says in {@code X-Forwarded-Proto} or
     * {@code Forwarded}.
     */
    public static final String OAUTH_SECURE_COOKIES = "box.auth.oauth.secure-cookies";
    /**
     * OAuth 2.0: {@code true} believes the {@code X-Forwarded-Proto} and {@code Forwarded} headers about the
     * browser's scheme; default {@code false}, since any client can send them when no proxy removes them.
     */
    public static final String OAUTH_TRUST_FORWARDED = "box.auth.oauth.trust-forwarded-headers";

    /** Every property name above, in the order they are documented. */
    public static final List<String> ALL = List.of(METHOD, CONFIG_FILE, CONFIG, CLIENT_ID, CLIENT_SECRET,
            ENTERPRISE_ID, USER_ID, JWT_KEY_ID, JWT_PRIVATE_KEY, JWT_PRIVATE_KEY_FILE, JWT_PASSPHRASE, JWT_ALGORITHM,
            TOKEN_URL, REVOKE_URL, API_URL, CONNECT_TIMEOUT, READ_TIMEOUT, TOTAL_TIMEOUT, REFRESH_MARGIN, FETCH_ON_STARTUP,
            USER_CACHE_SIZE, REVOKE_ON_SHUTDOWN, DEVELOPER_TOKEN, OAUTH_REDIRECT_URI, OAUTH_SCOPES,
            OAUTH_AUTHORIZE_URL, OAUTH_CALLBACK_PATH, OAUTH_AFTER_SIGN_IN, STORE, STORE_CACHE_NAME, STORE_KEYS, STORE_TIMEOUT,
            OAUTH_SIGN_IN_TIMEOUT, OAUTH_SESSION_IDLE_TIMEOUT, OAUTH_SESSION_LIFETIME, OAUTH_SECURE_COOKIES,
            OAUTH_TRUST_FORWARDED);

    private BoxAuthProperties() {
    }
}
