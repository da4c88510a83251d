package dev.boxauth.internal.config;

import static dev.boxauth.BoxAuthProperties.API_URL;
import static dev.boxauth.BoxAuthProperties.CLIENT_ID;
import static dev.boxauth.BoxAuthProperties.CLIENT_SECRET;
import static dev.boxauth.BoxAuthProperties.CONFIG;
import static dev.boxauth.BoxAuthProperties.CONFIG_FILE;
import static dev.boxauth.BoxAuthProperties.CONNECT_TIMEOUT;
import static dev.boxauth.BoxAuthProperties.DEVELOPER_TOKEN;
import static dev.boxauth.BoxAuthProperties.ENTERPRISE_ID;
import static dev.boxauth.BoxAuthProperties.FETCH_ON_STARTUP;
import static dev.boxauth.BoxAuthProperties.JWT_ALGORITHM;
import static dev.boxauth.BoxAuthProperties.JWT_KEY_ID;
import static dev.boxauth.BoxAuthProperties.JWT_PASSPHRASE;
import static dev.boxauth.BoxAuthProperties.JWT_PRIVATE_KEY;
import static dev.boxauth.BoxAuthProperties.JWT_PRIVATE_KEY_FILE;
import static dev.boxauth.BoxAuthProperties.METHOD;
import static dev.boxauth.BoxAuthProperties.OAUTH_AFTER_SIGN_IN;
import static dev.boxauth.BoxAuthProperties.OAUTH_AUTHORIZE_URL;
import static dev.boxauth.BoxAuthProperties.OAUTH_CALLBACK_PATH;
import static dev.boxauth.BoxAuthProperties.OAUTH_REDIRECT_URI;
import static dev.boxauth.BoxAuthProperties.OAUTH_SCOPES;
import static dev.boxauth.BoxAuthProperties.OAUTH_SECURE_COOKIES;
import static dev.boxauth.BoxAuthProperties.OAUTH_TRUST_FORWARDED;
import static dev.boxauth.BoxAuthProperties.OAUTH_SESSION_IDLE_TIMEOUT;
import static dev.boxauth.BoxAuthProperties.OAUTH_SESSION_LIFETIME;
import static dev.boxauth.BoxAuthProperties.OAUTH_SIGN_IN_TIMEOUT;
import static dev.boxauth.BoxAuthProperties.READ_TIMEOUT;
import static dev.boxauth.BoxAuthProperties.TOTAL_TIMEOUT;
import static dev.boxauth.BoxAuthProperties.REFRESH_MARGIN;
import static dev.boxauth.BoxAuthProperties.REVOKE_ON_SHUTDOWN;
import static dev.boxauth.BoxAuthProperties.REVOKE_URL;
import static dev.boxauth.BoxAuthProperties.STORE_TIMEOUT;
import static dev.boxauth.BoxAuthProperties.TOKEN_URL;
import static dev.boxauth.BoxAuthProperties.USER_CACHE_SIZE;
import static dev.boxauth.BoxAuthProperties.USER_ID;

import dev.boxauth.BoxAuthProperties;
import dev.boxauth.BoxConfigException;
import dev.boxauth.internal.Secret;
import dev.boxauth.internal.keys.KeyProblem;
import dev.boxauth.internal.keys.PrivateKeys;
import dev.boxauth.internal.token.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns configuration properties into {@link Settings}, or a {@link BoxConfigException} that lists every
 * problem found. Reading the whole configuration before failing means a user fixes all of it in one go.
 */
public final class SettingsReader {

    public static final URI DEFAULT_TOKEN_URL = URI.create("https://api.box.com/oauth2/token");
    public static final URI DEFAULT_REVOKE_URL = URI.create("https://api.box.com/oauth2/revoke");
    public static final URI DEFAULT_API_URL = URI.create("https://api.box.com/2.0");
    public static final URI DEFAULT_AUTHORIZE_URL = URI.create("https://account.box.com/api/oauth2/authorize");
    static final String DEFAULT_CALLBACK_PATH = "box/oauth/callback";
    static final String DEFAULT_AFTER_SIGN_IN = "/";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
    static final int DEFAULT_USER_CACHE_SIZE = 100;
    public static final Duration DEFAULT_SIGN_IN_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(12);
    private static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512");

    /** Properties only JWT uses; any of them set is JWT key material. */
    private static final List<String> JWT_PROPERTIES =
            List.of(JWT_KEY_ID, JWT_PRIVATE_KEY, JWT_PRIVATE_KEY_FILE, JWT_PASSPHRASE, JWT_ALGORITHM);
    /** Properties only OAuth 2.0 uses. */
    private static final List<String> OAUTH_PROPERTIES =
            List.of(OAUTH_REDIRECT_URI, OAUTH_SCOPES, OAUTH_AUTHORIZE_URL, OAUTH_CALLBACK_PATH, OAUTH_AFTER_SIGN_IN,
                    OAUTH_SIGN_IN_TIMEOUT, OAUTH_SESSION_IDLE_TIMEOUT, OAUTH_SESSION_LIFETIME, OAUTH_SECURE_COOKIES,
                    OAUTH_TRUST_FORWARDED);
    /** Whom a token represents; only server authentication chooses. */
    private static final List<String> SUBJECT_PROPERTIES = List.of(ENTERPRISE_ID, USER_ID);

    /** Segments of unreserved characters: no scheme, query, fragment, empty or dot segment can hide in it. */
    private static final Pattern RELATIVE_PATH = Pattern.compile("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");
    private static final Pattern SCOPE_SEPARATORS = Pattern.compile("[\\s,]+");

    private final Map<String, String> properties;
    private final Problems problems = new Problems();
    /** The files read, each stamped just before it was read, so that a change during the read is seen later. */
    private final List<ConfigFiles.Stamp> stamps = new ArrayList<>();
    private boolean jsonUnusable;

    /** @param properties kept by the settings of a configuration read from files, to read it again */
    private SettingsReader(Map<String, String> properties) {
        this.properties = properties;
    }

    /**
     * @param properties property names of {@link BoxAuthProperties} to values; blank values count as unset
     * @throws BoxConfigException listing every problem found
     */
    public static Settings read(Map<String, String> properties) {
        // A copy: the caller's map may change, and the settings keep it to read changed files again.
        return new SettingsReader(Collections.unmodifiableMap(new HashMap<>(properties))).read();
    }

    private Settings read() {
        rejectUnknownProperties();
        boolean jsonGiven = anySet(CONFIG_FILE, CONFIG);
        // With the method named, or shown by a property only it uses, what it lacks is reported property by
        // property instead: an OAuth 2.0 app is not told to set up another method.
        if (!jsonGiven && property(METHOD) == null && !anySet(CLIENT_ID, CLIENT_SECRET, DEVELOPER_TOKEN)
                && setAmong(JWT_PROPERTIES).isEmpty() && setAmong(OAUTH_PROPERTIES).isEmpty()) {
            problems.add("BOXAUTH-019", CONFIG_FILE, "no Box app is configured. Set " + CONFIG_FILE
                    + " to the JSON file downloaded from the Developer Console, " + CONFIG
                    + " to its content, or the separate box.auth.* properties listed in box-auth's docs/configuration.md: " + CLIENT_ID
                    + " and " + CLIENT_SECRET + " for the Client Credentials Grant; " + METHOD + "=oauth with "
                    + CLIENT_ID + ", " + CLIENT_SECRET + " and " + OAUTH_REDIRECT_URI + " for OAuth 2.0 (users"
                    + " sign in in their browser); " + DEVELOPER_TOKEN + " to try things out.");
            throw problems.exception();
        }
        ConsoleConfig json = jsonGiven ? readConsoleConfig() : ConsoleConfig.EMPTY;
        // Values the JSON would have supplied are not reported missing too: its own problem is the one to fix.
        jsonUnusable = json == null;
        if (jsonUnusable) {
            json = ConsoleConfig.EMPTY;
        }
        AuthMethod method = readMethod(json);
        Value clientId = null;
        Value clientSecret = null;
        Subject subject = null;
        JwtSettings jwt = null;
        OAuthSettings oauth = null;
        Value developerToken = null;
        if (method == AuthMethod.DEVELOPER_TOKEN) {
            developerToken = required(DEVELOPER_TOKEN, null, " Generate one in the Developer Console: the app →"
                    + " Configuration → Generate Developer Token.");
            clientId = firstSet(CLIENT_ID, json.clientId());
            clientSecret = firstSet(CLIENT_SECRET, json.clientSecret());
            if (clientId != null && clientSecret == null || clientId == null && clientSecret != null) {
                String missing = clientId == null ? CLIENT_ID : CLIENT_SECRET;
                problems.add("BOXAUTH-006", missing, "is not set, but " + (clientId == null ? CLIENT_SECRET : CLIENT_ID)
                        + " is: revoking a developer token needs both. Set it, or remove the other.");
                clientId = null;
                clientSecret = null;
            }
        } else if (method != null) {
            clientId = required(CLIENT_ID, json.clientId(), "");
            clientSecret = required(CLIENT_SECRET, json.clientSecret(), "");
            switch (method) {
                case JWT -> {
                    if (json.source() != null && !json.hasAppAuth()
                            && !(anySet(JWT_KEY_ID) && anySet(JWT_PRIVATE_KEY, JWT_PRIVATE_KEY_FILE))) {
                        problems.add("BOXAUTH-005", json.appAuthOrigin(), "has no 'appAuth' object. Use the"
                                + " JSON file the Developer Console downloads for a JWT app, or set " + JWT_KEY_ID
                                + " and " + JWT_PRIVATE_KEY + ".");
                    }
                    Value keyId = required(JWT_KEY_ID, json.keyId(), "");
                    subject = readSubject(json);
                    RSAPrivateCrtKey privateKey = readPrivateKey(json);
                    String algorithm = readAlgorithm();
                    if (keyId != null && privateKey != null && algorithm != null) {
                        jwt = new JwtSettings(keyId.text(), privateKey, algorithm);
                    }
                }
                case CCG -> subject = readSubject(json);
                case OAUTH -> oauth = readOAuth();
                default -> throw new IllegalStateException(method.name());
            }
        }
        URI tokenUrl = readUrl(TOKEN_URL, DEFAULT_TOKEN_URL);
        URI revokeUrl = readUrl(REVOKE_URL, DEFAULT_REVOKE_URL);
        URI apiUrl = readUrl(API_URL, DEFAULT_API_URL);
        Duration connectTimeout = readDuration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
        Duration readTimeout = readDuration(READ_TIMEOUT, DEFAULT_READ_TIMEOUT);
        Duration totalTimeout = readDuration(TOTAL_TIMEOUT,
                RetryPolicy.defaultTotalTimeout(readTimeout != null ? readTimeout : DEFAULT_READ_TIMEOUT));
        Duration refreshMargin = readDuration(REFRESH_MARGIN, DEFAULT_REFRESH_MARGIN, true);
        boolean fetchOnStartup = readBoolean(FETCH_ON_STARTUP);
        int userCacheSize = readUserCacheSize();
        boolean revokeOnShutdown = readBoolean(REVOKE_ON_SHUTDOWN);
        StoreSettings store = StoreSettings.read(this::property,
                readDuration(STORE_TIMEOUT, StoreSettings.DEFAULT_TIMEOUT), problems);
        if (revokeOnShutdown && method == AuthMethod.DEVELOPER_TOKEN && clientId == null
                && !anySet(CLIENT_ID, CLIENT_SECRET)) {
            problems.add("BOXAUTH-006", CLIENT_ID, "is not set: " + REVOKE_ON_SHUTDOWN + "=true revokes the"
                    + " developer token, which needs the app's client id and secret. Set " + CLIENT_ID + " and "
                    + CLIENT_SECRET + ", or turn " + REVOKE_ON_SHUTDOWN + " off.");
        }
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return new Settings(method, clientId == null ? null : clientId.text(),
                clientSecret == null ? null : new Secret(clientSecret.text()), subject, jwt, oauth,
                developerToken == null ? null : new Secret(developerToken.text()), tokenUrl, revokeUrl, apiUrl,
                connectTimeout, readTimeout, totalTimeout, refreshMargin, fetchOnStartup, userCacheSize, revokeOnShutdown,
                store, stamps.isEmpty() ? null : new ConfigFiles(properties, stamps));
    }

    /**
     * {@code box.auth.method}, or the one method the other properties fit; {@code null} after a problem
     * that leaves the method unknown. Reports every property that belongs to another method.
     */
    private AuthMethod readMethod(ConsoleConfig json) {
        String explicit = property(METHOD);
        if (explicit != null) {
            AuthMethod method = AuthMethod.fromProperty(explicit);
            if (method == null) {
                problems.add("BOXAUTH-021", METHOD, "must be jwt, ccg, oauth or developer-token, or unset to infer"
                        + " it from the other properties.");
                return null;
            }
            reportOtherMethodsProperties(method, METHOD + " is " + method, json);
            return method;
        }
        Map<AuthMethod, String> evidence = evidence(json);
        if (evidence.size() > 1) {
            problems.add("BOXAUTH-022", METHOD, "is not set, and the configuration has the properties of several"
                    + " authentication methods: " + evidence.entrySet().stream()
                            .map(e -> e.getKey().displayName() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", "))
                    + ". Set " + METHOD + " to the one to use, and remove the other's properties.");
            return null;
        }
        if (evidence.size() == 1) {
            AuthMethod method = evidence.keySet().iterator().next();
            reportOtherMethodsProperties(method, "the configuration is for the " + method.displayName() + " ("
                    + evidence.get(method) + ")", json);
            return method;
        }
        if (firstSet(CLIENT_ID, json.clientId()) != null && firstSet(CLIENT_SECRET, json.clientSecret()) != null) {
            return AuthMethod.CCG;
        }
        if (!jsonUnusable) {
            problems.add("BOXAUTH-022", METHOD, "is not set, and the configuration fits no authentication method:"
                    + " the Client Credentials Grant needs " + CLIENT_ID + " and " + CLIENT_SECRET + ", JWT the"
                    + " Developer Console's JSON (" + CONFIG_FILE + ") or " + JWT_KEY_ID + " and " + JWT_PRIVATE_KEY
                    + ", OAuth 2.0 " + OAUTH_REDIRECT_URI + ", a developer token " + DEVELOPER_TOKEN + ". Set "
                    + METHOD + " (jwt, ccg, oauth or developer-token) and that method's properties.");
        }
        return null;
    }

    /** What points at each method other than the Client Credentials Grant, which is what remains. */
    private Map<AuthMethod, String> evidence(ConsoleConfig json) {
        Map<AuthMethod, String> evidence = new EnumMap<>(AuthMethod.class);
        if (property(DEVELOPER_TOKEN) != null) {
            evidence.put(AuthMethod.DEVELOPER_TOKEN, DEVELOPER_TOKEN);
        }
        List<String> jwt = setAmong(JWT_PROPERTIES);
        if (json.hasAppAuth()) {
            evidence.put(AuthMethod.JWT, json.appAuthOrigin());
        } else if (!jwt.isEmpty()) {
            evidence.put(AuthMethod.JWT, String.join(", ", jwt));
        }
        List<String> oauth = setAmong(OAUTH_PROPERTIES);
        if (!oauth.isEmpty()) {
            evidence.put(AuthMethod.OAUTH, String.join(", ", oauth));
        }
        return evidence;
    }

    private void reportOtherMethodsProperties(AuthMethod method, String why, ConsoleConfig json) {
        if (method != AuthMethod.JWT) {
            if (json.hasAppAuth()) {
                problems.add("BOXAUTH-023", json.appAuthOrigin(), "holds a JWT key pair, but " + why + ". Use a"
                        + " JSON without appAuth or the separate " + CLIENT_ID + " and " + CLIENT_SECRET
                        + ", or set " + METHOD + "=jwt.");
            }
            for (String name : setAmong(JWT_PROPERTIES)) {
                otherMethodsProperty(name, "a JWT property", why, AuthMethod.JWT);
            }
        }
        if (method != AuthMethod.OAUTH) {
            for (String name : setAmong(OAUTH_PROPERTIES)) {
                otherMethodsProperty(name, "an OAuth 2.0 property", why, AuthMethod.OAUTH);
            }
        }
        if (method != AuthMethod.DEVELOPER_TOKEN && property(DEVELOPER_TOKEN) != null) {
            otherMethodsProperty(DEVELOPER_TOKEN, "a developer token", why, AuthMethod.DEVELOPER_TOKEN);
        }
        if (method == AuthMethod.OAUTH || method == AuthMethod.DEVELOPER_TOKEN) {
            String whom = method == AuthMethod.OAUTH ? "the user who signed in" : "the developer who generated it";
            for (String name : setAmong(SUBJECT_PROPERTIES)) {
                problems.add("BOXAUTH-023", name, "does not apply: " + why + ", whose token represents " + whom
                        + ". Remove it" + (method == AuthMethod.OAUTH ? "" : ", or use JWT or the Client Credentials"
                        + " Grant for a token of this subject") + ".");
            }
        }
    }

    private void otherMethodsProperty(String name, String what, String why, AuthMethod owner) {
        problems.add("BOXAUTH-023", name, "is " + what + ", but " + why + ". Remove it, or set " + METHOD + "="
                + owner + ".");
    }

    private void rejectUnknownProperties() {
        Set<String> unknown = new TreeSet<>();
        for (String name : properties.keySet()) {
            if (name.startsWith("box.auth.") && !BoxAuthProperties.ALL.contains(name)) {
                unknown.add(name);
            }
        }
        for (String name : unknown) {
            problems.add("BOXAUTH-001", name, "unknown property. The box.auth.* properties are listed in"
                    + " box-auth's docs/configuration.md; check the spelling (names use dashes, as in " + CLIENT_ID
                    + ").");
        }
    }

    private ConsoleConfig readConsoleConfig() {
        String file = property(CONFIG_FILE);
        String inline = property(CONFIG);
        if (file != null && inline != null) {
            problems.add("BOXAUTH-002", CONFIG_FILE, "both " + CONFIG_FILE + " and " + CONFIG
                    + " are set. Set only one of them.");
            return null;
        }
        if (file != null) {
            String text = readFile(CONFIG_FILE, file);
            return text == null ? null : ConsoleConfig.parse(text, CONFIG_FILE, problems);
        }
        return ConsoleConfig.parse(inline, CONFIG, problems);
    }

    private Subject readSubject(ConsoleConfig json) {
        Value user = Value.of(property(USER_ID), USER_ID);
        Value id = user != null ? user : firstSet(ENTERPRISE_ID, json.enterpriseId());
        if (id == null) {
            if (!jsonUnusable) {
                problems.add("BOXAUTH-006", ENTERPRISE_ID, "no subject is set. Set " + ENTERPRISE_ID
                        + " (enterpriseID in the config file) for a Service Account token, or " + USER_ID
                        + " for a user's token.");
            }
            return null;
        }
        if (!Subject.isBoxId(id.text())) {
            problems.add("BOXAUTH-007", id.origin(), "must be a numeric Box id, such as 123456. Copy it from"
                    + " the Admin Console (enterprise id) or from the user's profile (user id).");
            return null;
        }
        return user != null ? Subject.user(id.text()) : Subject.enterprise(id.text());
    }

    private RSAPrivateCrtKey readPrivateKey(ConsoleConfig json) {
        String inline = property(JWT_PRIVATE_KEY);
        String file = property(JWT_PRIVATE_KEY_FILE);
        Value pem;
        if (inline != null && file != null) {
            problems.add("BOXAUTH-008", JWT_PRIVATE_KEY, "both " + JWT_PRIVATE_KEY + " and " + JWT_PRIVATE_KEY_FILE
                    + " are set. Set only one of them.");
            return null;
        } else if (file != null) {
            String text = readFile(JWT_PRIVATE_KEY_FILE, file);
            if (text == null) {
                return null;
            }
            pem = Value.of(text, JWT_PRIVATE_KEY_FILE);
        } else {
            pem = required(JWT_PRIVATE_KEY, json.privateKey(), "");
        }
        if (pem == null) {
            return null;
        }
        Value passphrase = firstSet(JWT_PASSPHRASE, json.passphrase());
        char[] secret = passphrase == null ? null : passphrase.text().toCharArray();
        try {
            return PrivateKeys.read(pem.text(), secret);
        } catch (KeyProblem e) {
            String passphraseOrigin = passphrase == null ? JWT_PASSPHRASE : passphrase.origin();
            addKeyProblem(e, pem.origin(), passphraseOrigin);
            return null;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private void addKeyProblem(KeyProblem e, String keyOrigin, String passphraseOrigin) {
        switch (e.kind()) {
            case NOT_PEM -> problems.add("BOXAUTH-009", keyOrigin, "is not a PEM private key. Use the privateKey"
                    + " of the Developer Console's JSON file, or a key made with 'openssl genrsa -des3 -out"
                    + " private.pem 2048', including its BEGIN and END lines.");
            case PASSPHRASE_REQUIRED -> problems.add("BOXAUTH-010", passphraseOrigin, "the private key in "
                    + keyOrigin + " is encrypted. Set " + JWT_PASSPHRASE + " to its passphrase.");
            case WRONG_PASSPHRASE -> problems.add("BOXAUTH-011", passphraseOrigin, "does not decrypt the private"
                    + " key in " + keyOrigin + ". Use the passphrase the key was made with (the passphrase field"
                    + " of the same Developer Console JSON file).");
            case NOT_RSA -> problems.add("BOXAUTH-012", keyOrigin, "is not an RSA key. Box signs JWT assertions"
                    + " with RSA only: make one with 'openssl genrsa -des3 -out private.pem 2048'.");
            case TOO_SHORT -> problems.add("BOXAUTH-013", keyOrigin, "is an RSA key of " + e.bits()
                    + " bits; Box needs 2048 bits or more. Make a new key pair and add its public key to the app.");
            case UNSUPPORTED_ENCRYPTION -> problems.add("BOXAUTH-014", keyOrigin, "is encrypted with a scheme"
                    + " box-auth cannot read. Re-encrypt it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'.");
        }
    }

    private String readAlgorithm() {
        String value = property(JWT_ALGORITHM);
        if (value == null) {
            return "RS256";
        }
        String algorithm = value.toUpperCase(Locale.ROOT);
        if (!ALGORITHMS.contains(algorithm)) {
            problems.add("BOXAUTH-015", JWT_ALGORITHM, "must be RS256, RS384 or RS512 (default RS256).");
            return null;
        }
        return algorithm;
    }

    private URI readUrl(String property, URI defaultValue) {
        String value = property(property);
        if (value == null) {
            return defaultValue;
        }
        HttpUrls.Checked checked = HttpUrls.check(value);
        if (checked.problem() == null) {
            return checked.url();
        }
        switch (checked.problem()) {
            case NOT_HTTP -> problems.add("BOXAUTH-016", property, "is not an absolute http(s) URL. "
                    + (defaultValue == null ? "Write it whole, such as https://app.example.com/box/oauth/callback."
                            : "Leave it unset for Box (" + defaultValue + ")."));
            case USER_INFO -> problems.add("BOXAUTH-016", property, "holds a user name or password (user:password@"
                    + " before the host), which would travel and be logged with the URL. Remove it: Box"
                    + " authenticates the app by its client id and secret.");
            case CLEAR_TEXT -> problems.add("BOXAUTH-017", property, "uses http off the loopback interface, which"
                    + " would send credentials and tokens in clear text. Use an https URL.");
            case FRAGMENT -> problems.add("BOXAUTH-027", property, "has a fragment (#…), which a server never sees"
                    + " and OAuth 2.0 does not allow in a redirect URI. Remove it.");
        }
        return null;
    }

    private OAuthSettings readOAuth() {
        URI redirectUri = null;
        if (property(OAUTH_REDIRECT_URI) == null) {
            problems.add("BOXAUTH-006", OAUTH_REDIRECT_URI, "is not set. OAuth 2.0 needs the redirect URI"
                    + " configured for the app (Developer Console → Configuration → OAuth 2.0 Redirect URIs),"
                    + " leading to this application's " + OAUTH_CALLBACK_PATH + " (default "
                    + DEFAULT_CALLBACK_PATH + ").");
        } else {
            redirectUri = readUrl(OAUTH_REDIRECT_URI, null);
        }
        String scopes = property(OAUTH_SCOPES);
        List<String> scopeList = scopes == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(Arrays.asList(SCOPE_SEPARATORS.split(scopes))));
        URI authorizeUrl = readUrl(OAUTH_AUTHORIZE_URL, DEFAULT_AUTHORIZE_URL);
        String callbackPath = readCallbackPath();
        String afterSignIn = readAfterSignIn();
        Duration signInTimeout = readDuration(OAUTH_SIGN_IN_TIMEOUT, DEFAULT_SIGN_IN_TIMEOUT);
        Duration idleTimeout = readDuration(OAUTH_SESSION_IDLE_TIMEOUT, DEFAULT_SESSION_IDLE_TIMEOUT);
        Duration lifetime = readDuration(OAUTH_SESSION_LIFETIME, DEFAULT_SESSION_LIFETIME);
        if (redirectUri == null || authorizeUrl == null || callbackPath == null || afterSignIn == null
                || signInTimeout == null || idleTimeout == null || lifetime == null) {
            return null;
        }
        Boolean secureCookies = property(OAUTH_SECURE_COOKIES) == null ? null
                : readBoolean(OAUTH_SECURE_COOKIES, "unset: Secure when the browser spoke https");
        return new OAuthSettings(redirectUri, scopeList, authorizeUrl, callbackPath, afterSignIn, signInTimeout,
                idleTimeout, lifetime, secureCookies, readBoolean(OAUTH_TRUST_FORWARDED));
    }

    private String readCallbackPath() {
        String value = property(OAUTH_CALLBACK_PATH);
        if (value == null) {
            return DEFAULT_CALLBACK_PATH;
        }
        if (!RELATIVE_PATH.matcher(value).matches() || Arrays.stream(value.split("/")).anyMatch(s -> s.matches("\\.+"))) {
            problems.add("BOXAUTH-024", OAUTH_CALLBACK_PATH, "must be a path relative to the JAX-RS application"
                    + " root, such as " + DEFAULT_CALLBACK_PATH + ": letters, digits and -._~ between single"
                    + " slashes, without a leading slash, scheme, query, '.' or '..'.");
            return null;
        }
        return value;
    }

    /** A path inside the application: anything that a browser could read as another host is refused. */
    private String readAfterSignIn() {
        String value = property(OAUTH_AFTER_SIGN_IN);
        if (value == null) {
            return DEFAULT_AFTER_SIGN_IN;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        boolean inside = uri != null && uri.getScheme() == null && uri.getRawAuthority() == null
                && value.startsWith("/") && !value.contains("//") && !value.contains("\\")
                && value.chars().noneMatch(c -> c < 0x21 || c == 0x7f)
                && Arrays.stream(uri.getRawPath().split("/")).noneMatch(s -> s.equals("..") || s.equals("."));
        if (!inside) {
            problems.add("BOXAUTH-025", OAUTH_AFTER_SIGN_IN, "must be a path inside this application, such as /"
                    + " or /files: starting with a single /, without scheme, host, '//', '\\' or '..', so that"
                    + " signing in cannot send the browser to another site.");
            return null;
        }
        return value;
    }

    private int readUserCacheSize() {
        String value = property(USER_CACHE_SIZE);
        if (value == null) {
            return DEFAULT_USER_CACHE_SIZE;
        }
        try {
            int size = Integer.parseInt(value);
            if (size > 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("BOXAUTH-026", USER_CACHE_SIZE, "must be a positive whole number (default "
                + DEFAULT_USER_CACHE_SIZE + ").");
        return DEFAULT_USER_CACHE_SIZE;
    }

    private Duration readDuration(String property, Duration defaultValue) {
        return readDuration(property, defaultValue, false);
    }

    /** @param zeroAllowed whether zero is a meaningful value (a refresh margin of none) */
    private Duration readDuration(String property, Duration defaultValue, boolean zeroAllowed) {
        String value = property(property);
        if (value == null) {
            return defaultValue;
        }
        Duration duration = Durations.parse(value);
        if (duration == null || duration.isNegative() || (duration.isZero() && !zeroAllowed)) {
            problems.add("BOXAUTH-018", property, "must be a " + (zeroAllowed ? "zero or positive" : "positive")
                    + " duration such as 30s, 500ms, 5m or PT30S (default " + Durations.format(defaultValue) + ").");
            return null;
        }
        return duration;
    }

    private boolean readBoolean(String property) {
        return readBoolean(property, "default false");
    }

    private boolean readBoolean(String property, String whenUnset) {
        String value = property(property);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (!value.equalsIgnoreCase("true")) {
            problems.add("BOXAUTH-020", property, "must be true or false (" + whenUnset + ").");
        }
        return value.equalsIgnoreCase("true");
    }

    private String readFile(String property, String path) {
        try {
            Path file = Path.of(path);
            stamps.add(ConfigFiles.Stamp.of(property, file));
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException | SecurityException e) {
            problems.add("BOXAUTH-003", property, FilePaths.unreadable(property, path, e));
            return null;
        }
    }

    private Value required(String property, Value fromJson, String hint) {
        Value value = firstSet(property, fromJson);
        if (value == null && !jsonUnusable) {
            String field = ConsoleConfig.fieldFor(property);
            problems.add("BOXAUTH-006", property, "is not set. Set it" + (field == null ? "" : ", or " + field
                    + " in the JSON of " + CONFIG_FILE + "/" + CONFIG) + "." + hint);
        }
        return value;
    }

    private Value firstSet(String property, Value fromJson) {
        Value own = Value.of(property(property), property);
        return own != null ? own : fromJson;
    }

    private boolean anySet(String... names) {
        return !setAmong(List.of(names)).isEmpty();
    }

    private List<String> setAmong(List<String> names) {
        return names.stream().filter(name -> property(name) != null).toList();
    }

    private String property(String name) {
        String value = properties.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        // A passphrase may legitimately begin or end with a space; everything else is pasted text.
        return name.equals(JWT_PASSPHRASE) ? value : value.strip();
    }
}
