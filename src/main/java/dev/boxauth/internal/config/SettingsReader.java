package dev.boxauth.internal.config;

import static dev.boxauth.BoxAuthProperties.API_URL;
import static dev.boxauth.BoxAuthProperties.CLIENT_ID;
import static dev.boxauth.BoxAuthProperties.CLIENT_SECRET;
import static dev.boxauth.BoxAuthProperties.CONFIG;
import static dev.boxauth.BoxAuthProperties.CONFIG_FILE;
import static dev.boxauth.BoxAuthProperties.CONNECT_TIMEOUT;
import static dev.boxauth.BoxAuthProperties.ENTERPRISE_ID;
import static dev.boxauth.BoxAuthProperties.FETCH_ON_STARTUP;
import static dev.boxauth.BoxAuthProperties.JWT_ALGORITHM;
import static dev.boxauth.BoxAuthProperties.JWT_KEY_ID;
import static dev.boxauth.BoxAuthProperties.JWT_PASSPHRASE;
import static dev.boxauth.BoxAuthProperties.JWT_PRIVATE_KEY;
import static dev.boxauth.BoxAuthProperties.JWT_PRIVATE_KEY_FILE;
import static dev.boxauth.BoxAuthProperties.READ_TIMEOUT;
import static dev.boxauth.BoxAuthProperties.REFRESH_MARGIN;
import static dev.boxauth.BoxAuthProperties.TOKEN_URL;
import static dev.boxauth.BoxAuthProperties.USER_ID;

import dev.boxauth.BoxAuthProperties;
import dev.boxauth.BoxConfigException;
import dev.boxauth.internal.Secret;
import dev.boxauth.internal.keys.KeyProblem;
import dev.boxauth.internal.keys.PrivateKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns configuration properties into {@link Settings}, or a {@link BoxConfigException} that lists every
 * problem found. Reading the whole configuration before failing means a user fixes all of it in one go.
 */
public final class SettingsReader {

    static final URI DEFAULT_TOKEN_URL = URI.create("https://api.box.com/oauth2/token");
    static final URI DEFAULT_API_URL = URI.create("https://api.box.com/2.0");
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512");

    private final Map<String, String> properties;
    private final Problems problems = new Problems();
    private boolean jsonUnusable;

    private SettingsReader(Map<String, String> properties) {
        this.properties = properties;
    }

    /**
     * @param properties property names of {@link BoxAuthProperties} to values; blank values count as unset
     * @throws BoxConfigException listing every problem found
     */
    public static Settings read(Map<String, String> properties) {
        return new SettingsReader(properties).read();
    }

    private Settings read() {
        rejectUnknownProperties();
        boolean jsonGiven = anySet(CONFIG_FILE, CONFIG);
        ConsoleConfig json = jsonGiven ? readConsoleConfig() : ConsoleConfig.EMPTY;
        // Values the JSON would have supplied are not reported missing too: its own problem is the one to fix.
        jsonUnusable = json == null;
        if (jsonUnusable) {
            json = ConsoleConfig.EMPTY;
        }
        if (!jsonGiven && !anySet(CLIENT_ID, CLIENT_SECRET, JWT_KEY_ID, JWT_PRIVATE_KEY, JWT_PRIVATE_KEY_FILE)) {
            problems.add("BOXAUTH-019", CONFIG_FILE, "no Box app is configured. Set " + CONFIG_FILE
                    + " to the JSON file downloaded from the Developer Console, " + CONFIG
                    + " to its content, or the separate box.auth.* properties listed in the README.");
            throw problems.exception();
        }
        Value clientId = required(CLIENT_ID, json.clientId());
        Value clientSecret = required(CLIENT_SECRET, json.clientSecret());
        Value keyId = required(JWT_KEY_ID, json.keyId());
        Subject subject = readSubject(json);
        RSAPrivateCrtKey privateKey = readPrivateKey(json);
        String algorithm = readAlgorithm();
        URI tokenUrl = readUrl(TOKEN_URL, DEFAULT_TOKEN_URL);
        URI apiUrl = readUrl(API_URL, DEFAULT_API_URL);
        Duration connectTimeout = readDuration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
        Duration readTimeout = readDuration(READ_TIMEOUT, DEFAULT_READ_TIMEOUT);
        Duration refreshMargin = readDuration(REFRESH_MARGIN, DEFAULT_REFRESH_MARGIN);
        boolean fetchOnStartup = readBoolean(FETCH_ON_STARTUP);
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return new Settings(clientId.text(), new Secret(clientSecret.text()), subject, keyId.text(), privateKey,
                algorithm, tokenUrl, apiUrl, connectTimeout, readTimeout, refreshMargin, fetchOnStartup);
    }

    private void rejectUnknownProperties() {
        Set<String> unknown = new TreeSet<>();
        for (String name : properties.keySet()) {
            if (name.startsWith("box.auth.") && !BoxAuthProperties.ALL.contains(name)) {
                unknown.add(name);
            }
        }
        for (String name : unknown) {
            problems.add("BOXAUTH-001", name, "unknown property. The box.auth.* properties are listed in the"
                    + " README; check the spelling (names use dashes, as in " + CLIENT_ID + ").");
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
        if (!id.text().chars().allMatch(c -> c >= '0' && c <= '9')) {
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
            pem = required(JWT_PRIVATE_KEY, json.privateKey());
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
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException e) {
            url = null;
        }
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            problems.add("BOXAUTH-016", property, "is not an absolute http(s) URL. Leave it unset for Box ("
                    + defaultValue + ").");
            return null;
        }
        if ("http".equalsIgnoreCase(url.getScheme()) && !Loopback.isLoopback(url.getHost())) {
            problems.add("BOXAUTH-017", property, "uses http off the loopback interface, which would send"
                    + " credentials and tokens in clear text. Use an https URL.");
            return null;
        }
        return url;
    }

    private Duration readDuration(String property, Duration defaultValue) {
        String value = property(property);
        if (value == null) {
            return defaultValue;
        }
        Duration duration = Durations.parse(value);
        if (duration == null || duration.isNegative() || duration.isZero()) {
            problems.add("BOXAUTH-018", property, "must be a positive duration such as 30s, 500ms, 5m or PT30S"
                    + " (default " + Durations.format(defaultValue) + ").");
            return null;
        }
        return duration;
    }

    private boolean readBoolean(String property) {
        String value = property(property);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (!value.equalsIgnoreCase("true")) {
            problems.add("BOXAUTH-020", property, "must be true or false (default false).");
        }
        return value.equalsIgnoreCase("true");
    }

    private String readFile(String property, String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException | SecurityException e) {
            problems.add("BOXAUTH-003", property, "cannot read the file '" + path + "' (" + e.getClass().getSimpleName()
                    + "). Check the path and that the server's user may read it.");
            return null;
        }
    }

    private Value required(String property, Value fromJson) {
        Value value = firstSet(property, fromJson);
        if (value == null && !jsonUnusable) {
            String field = ConsoleConfig.fieldFor(property);
            problems.add("BOXAUTH-006", property, "is not set. Set it" + (field == null ? "" : ", or " + field
                    + " in the JSON of " + CONFIG_FILE + "/" + CONFIG) + ".");
        }
        return value;
    }

    private Value firstSet(String property, Value fromJson) {
        Value own = Value.of(property(property), property);
        return own != null ? own : fromJson;
    }

    private boolean anySet(String... names) {
        for (String name : names) {
            if (property(name) != null) {
                return true;
            }
        }
        return false;
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
