package dev.boxauth.internal.token;

import java.util.Locale;

/**
 * What one error answer from Box's token endpoint means for the next attempt, and what a user must fix
 * when no attempt can help. Box's texts have changed over the years, so they are matched on fragments,
 * case-insensitively.
 */
record BoxError(Kind kind, String hint) {

    enum Kind {
        /** Our clock differs from Box's: retry with {@code exp} from the response's {@code Date}. */
        CLOCK_SKEW,
        /** Box saw the {@code jti} before: retry with a new one. */
        JTI_REUSED,
        /** Rate limit or server trouble: retry after a delay. */
        TRANSIENT,
        /** Only a configuration change helps. */
        FATAL
    }

    static BoxError classify(int status, String error, String description) {
        String e = lower(error);
        String d = lower(description);
        if (status == 429) {
            return new BoxError(Kind.TRANSIENT, "Box is rate limiting this app; box-auth honours Retry-After.");
        }
        if (status >= 500) {
            return new BoxError(Kind.TRANSIENT, "Box is failing to answer; try again later.");
        }
        if (e.equals("invalid_grant")) {
            if (d.contains("'exp'") || d.contains("expiration date")) {
                return new BoxError(Kind.CLOCK_SKEW, "This machine's clock differs from Box's: synchronize it"
                        + " (NTP).");
            }
            if (d.contains("'jti'")) {
                return new BoxError(Kind.JTI_REUSED, "Box saw this assertion id before.");
            }
            if (d.contains("'kid'")) {
                return fatal("The public key id (box.auth.jwt.key-id, or appAuth.publicKeyID in the config file)"
                        + " is not one of this app's keys: add the public key in the Developer Console,"
                        + " Configuration > Add and Manage Public Keys, or use the id Box shows for it.");
            }
            if (d.contains("signature")) {
                return fatal("The private key does not belong to the public key registered under this key id:"
                        + " use the key pair from the same Developer Console JSON file, or add this key's"
                        + " public half to the app.");
            }
            if (d.contains("'sub'")) {
                return fatal("Box does not accept the subject: box.auth.enterprise-id must be the enterprise that"
                        + " authorized the app, and box.auth.user-id a user of it (managed users need App +"
                        + " Enterprise Access, and 'Generate user access tokens' must be on).");
            }
            if (d.contains("'iss'")) {
                return fatal("Box does not accept the issuer: check box.auth.client-id (boxAppSettings.clientID).");
            }
            if (d.contains("grant credentials are invalid")) {
                return fatal("Either the client id or secret is wrong (box.auth.client-id, box.auth.client-secret),"
                        + " or the subject type does not match the app's access level (App Access Only or App +"
                        + " Enterprise Access; a user subject also needs 'Generate user access tokens'), or the"
                        + " app's settings changed and a Box admin has not re-authorized it since.");
            }
            return fatal("Box refused the grant; see Box's error_description.");
        }
        if (e.equals("invalid_scope")) {
            return fatal("The parent token lacks a requested scope: a downscoped token can only narrow the"
                    + " parent's scopes. Ask for fewer scopes, or enable the scope for the app (Developer Console"
                    + " → Configuration → Application Scopes) and have a Box admin re-authorize it.");
        }
        if (e.equals("invalid_client")) {
            return fatal("Check box.auth.client-id and box.auth.client-secret (boxAppSettings in the config"
                    + " file): they must be the app's credentials from the Developer Console's Configuration tab.");
        }
        if (e.equals("unauthorized_client")) {
            return fatal("A Box admin must authorize this app: Developer Console > Authorization > Review and"
                    + " Submit, then approve it in the Admin Console. Re-authorize after changing the app's"
                    + " settings.");
        }
        if (e.equals("invalid_request") && d.contains("user token")) {
            return fatal("Turn on 'Generate user access tokens' in the app's Advanced Features, then have a Box"
                    + " admin re-authorize the app.");
        }
        if (e.isEmpty()) {
            return fatal("The answer is not a Box token error: check that box.auth.token-url is Box's token"
                    + " endpoint and that no proxy answers in its place.");
        }
        return fatal("See Box's error_description.");
    }

    private static BoxError fatal(String hint) {
        return new BoxError(Kind.FATAL, hint);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
