package dev.boxauth.emulator.internal;

/** The JSON file the Box Developer Console lets a JWT app's owner download. */
public final class DeveloperConsoleConfig {

    private DeveloperConsoleConfig() {
    }

    /**
     * The config file for an app with an unencrypted key: {@code passphrase} is empty, as the console
     * writes it for a key pair the user generated and uploaded.
     */
    public static String json(String clientId, String clientSecret, String keyId, String privateKeyPem,
            String enterpriseId) {
        return Json.write(Json.object(
                "boxAppSettings", Json.object(
                        "clientID", clientId,
                        "clientSecret", clientSecret,
                        "appAuth", Json.object("publicKeyID", keyId, "privateKey", privateKeyPem, "passphrase", "")),
                "enterpriseID", enterpriseId));
    }
}
