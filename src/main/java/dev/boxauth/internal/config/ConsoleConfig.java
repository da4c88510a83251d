package dev.boxauth.internal.config;

import static dev.boxauth.BoxAuthProperties.CLIENT_ID;
import static dev.boxauth.BoxAuthProperties.CLIENT_SECRET;
import static dev.boxauth.BoxAuthProperties.ENTERPRISE_ID;
import static dev.boxauth.BoxAuthProperties.JWT_KEY_ID;
import static dev.boxauth.BoxAuthProperties.JWT_PASSPHRASE;
import static dev.boxauth.BoxAuthProperties.JWT_PRIVATE_KEY;

import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The fields of the Developer Console's JSON config file. Each field remembers where it came from
 * ({@code box.auth.config-file (boxAppSettings.clientID)}) so a problem can name it.
 *
 * @param source the property the JSON came from, or {@code null} for {@link #EMPTY}
 * @param hasAppAuth whether the JSON has the {@code appAuth} of a JWT app (reported already when it is not
 *     an object); the JSON of other methods has none, and whether its absence is a problem depends on the method
 */
record ConsoleConfig(Value clientId, Value clientSecret, Value keyId, Value privateKey, Value passphrase,
        Value enterpriseId, String source, boolean hasAppAuth) {

    static final ConsoleConfig EMPTY = new ConsoleConfig(null, null, null, null, null, null, null, false);

    /** Where the JSON's {@code appAuth} is or would be, for messages: {@code box.auth.config (boxAppSettings.appAuth)}. */
    String appAuthOrigin() {
        return source + " (boxAppSettings.appAuth)";
    }

    private static final Map<String, String> FIELDS = Map.of(
            CLIENT_ID, "boxAppSettings.clientID",
            CLIENT_SECRET, "boxAppSettings.clientSecret",
            JWT_KEY_ID, "boxAppSettings.appAuth.publicKeyID",
            JWT_PRIVATE_KEY, "boxAppSettings.appAuth.privateKey",
            JWT_PASSPHRASE, "boxAppSettings.appAuth.passphrase",
            ENTERPRISE_ID, "enterpriseID");

    /** The JSON field a property overrides, or {@code null}. */
    static String fieldFor(String property) {
        return FIELDS.get(property);
    }

    /** Parses the JSON; on failure adds the problem and returns {@code null}. */
    static ConsoleConfig parse(String json, String property, Problems problems) {
        Map<String, Object> root;
        try {
            root = JsonUtil.parseJson(json);
        } catch (JoseException | RuntimeException e) {
            // The parser's message can quote the text, and the text holds secrets: say only where to look.
            problems.add("BOXAUTH-004", property, "is not valid JSON. Use the file exactly as the Developer"
                    + " Console downloaded it" + (property.endsWith("config") ? " (the whole file as one value)" : "")
                    + ".");
            return null;
        }
        Reader reader = new Reader(property, problems);
        Map<String, Object> app = reader.object(root, "boxAppSettings");
        if (app == null) {
            return null;
        }
        Map<String, Object> auth = app.containsKey("appAuth") ? reader.object(app, "appAuth") : null;
        return new ConsoleConfig(
                reader.text(app, "clientID", FIELDS.get(CLIENT_ID)),
                reader.text(app, "clientSecret", FIELDS.get(CLIENT_SECRET)),
                auth == null ? null : reader.text(auth, "publicKeyID", FIELDS.get(JWT_KEY_ID)),
                auth == null ? null : reader.text(auth, "privateKey", FIELDS.get(JWT_PRIVATE_KEY)),
                auth == null ? null : reader.text(auth, "passphrase", FIELDS.get(JWT_PASSPHRASE)),
                enterprise(reader.text(root, "enterpriseID", FIELDS.get(ENTERPRISE_ID))),
                property, app.containsKey("appAuth"));
    }

    /** Box writes "0" for an app that only acts as users. */
    private static Value enterprise(Value id) {
        return id == null || id.text().equals("0") ? null : id;
    }

    private record Reader(String property, Problems problems) {

        @SuppressWarnings("unchecked")
        Map<String, Object> object(Map<String, Object> parent, String name) {
            Object value = parent.get(name);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            problems.add("BOXAUTH-005", property + " (" + name + ")", value == null
                    ? "has no '" + name + "' object. Use the JSON file the Developer Console downloads for a JWT app."
                    : "'" + name + "' is not a JSON object. Use the file as the Developer Console downloaded it.");
            return null;
        }

        Value text(Map<String, Object> parent, String name, String path) {
            Object value = parent.get(name);
            if (value == null || value instanceof String s && s.isBlank()) {
                return null;
            }
            String origin = property + " (" + path + ")";
            if (value instanceof String s) {
                return new Value(s, origin);
            }
            if (value instanceof Number n) {
                return new Value(n.toString(), origin);
            }
            problems.add("BOXAUTH-005", origin, "must be a JSON string.");
            return null;
        }
    }
}
