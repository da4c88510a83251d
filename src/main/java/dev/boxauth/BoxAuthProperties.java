package dev.boxauth;

import java.util.List;

/**
 * The configuration property names: the public contract shared by {@link BoxAuth#fromProperties},
 * MicroProfile Config and environment variables ({@code box.auth.config-file} is
 * {@code BOX_AUTH_CONFIG_FILE} there). A blank value counts as not set.
 *
 * <p>Credentials come from the Developer Console's JSON file ({@link #CONFIG_FILE}), the same JSON
 * inline ({@link #CONFIG}), or the separate properties; a separate property overrides the matching
 * field of the JSON.
 */
public final class BoxAuthProperties {

    /** Path to the Developer Console JSON config file. Not with {@link #CONFIG}. */
    public static final String CONFIG_FILE = "box.auth.config-file";
    /** The Developer Console JSON itself, for example from an environment variable. Not with {@link #CONFIG_FILE}. */
    public static final String CONFIG = "box.auth.config";
    /** The app's client id; overrides {@code boxAppSettings.clientID}. */
    public static final String CLIENT_ID = "box.auth.client-id";
    /** The app's client secret; overrides {@code boxAppSettings.clientSecret}. A secret. */
    public static final String CLIENT_SECRET = "box.auth.client-secret";
    /** The enterprise whose Service Account the token is for; overrides {@code enterpriseID}. Numeric. */
    public static final String ENTERPRISE_ID = "box.auth.enterprise-id";
    /** A user (App User or managed user) to get a token for instead of the Service Account. Numeric. */
    public static final String USER_ID = "box.auth.user-id";
    /** The id Box gave the public key; overrides {@code boxAppSettings.appAuth.publicKeyID}. */
    public static final String JWT_KEY_ID = "box.auth.jwt.key-id";
    /** The RSA private key as PEM text; overrides {@code appAuth.privateKey}. Not with {@link #JWT_PRIVATE_KEY_FILE}. A secret. */
    public static final String JWT_PRIVATE_KEY = "box.auth.jwt.private-key";
    /** Path to a PEM file holding the RSA private key. Not with {@link #JWT_PRIVATE_KEY}. */
    public static final String JWT_PRIVATE_KEY_FILE = "box.auth.jwt.private-key-file";
    /** The passphrase of an encrypted private key; overrides {@code appAuth.passphrase}. A secret. */
    public static final String JWT_PASSPHRASE = "box.auth.jwt.passphrase";
    /** The signature algorithm of the assertion: {@code RS256} (default), {@code RS384} or {@code RS512}. */
    public static final String JWT_ALGORITHM = "box.auth.jwt.algorithm";
    /** The token endpoint; default {@code https://api.box.com/oauth2/token}. {@code https} unless on loopback. */
    public static final String TOKEN_URL = "box.auth.token-url";
    /** The API base; default {@code https://api.box.com/2.0}. {@code https} unless on loopback. */
    public static final String API_URL = "box.auth.api-url";
    /** How long to wait for a connection to Box; default {@code 10s}. */
    public static final String CONNECT_TIMEOUT = "box.auth.connect-timeout";
    /** How long to wait for Box's answer to one token request; default {@code 30s}. */
    public static final String READ_TIMEOUT = "box.auth.read-timeout";
    /** How long before expiry a token is refreshed in the background; default {@code 5m}. */
    public static final String REFRESH_MARGIN = "box.auth.refresh-margin";

    /**
     * {@code true} to obtain the first token when the provider is built (at deployment, in a container),
     * so that a configuration Box refuses fails at startup; default {@code false}: the first call gets it.
     */
    public static final String FETCH_ON_STARTUP = "box.auth.fetch-on-startup";

    /** Every property name above, in the order they are documented. */
    public static final List<String> ALL = List.of(CONFIG_FILE, CONFIG, CLIENT_ID, CLIENT_SECRET, ENTERPRISE_ID,
            USER_ID, JWT_KEY_ID, JWT_PRIVATE_KEY, JWT_PRIVATE_KEY_FILE, JWT_PASSPHRASE, JWT_ALGORITHM, TOKEN_URL,
            API_URL, CONNECT_TIMEOUT, READ_TIMEOUT, REFRESH_MARGIN, FETCH_ON_STARTUP);

    private BoxAuthProperties() {
    }
}
