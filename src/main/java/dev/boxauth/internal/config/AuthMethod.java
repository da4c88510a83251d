package dev.boxauth.internal.config;

import java.util.Locale;

/** How a Box app authenticates, as {@code box.auth.method} names it. */
public enum AuthMethod {
    /** Server authentication with a signed JWT assertion. */
    JWT("jwt", "JWT"),
    /** Server authentication with the client id and secret only. */
    CCG("ccg", "Client Credentials Grant"),
    /** A browser sign-in per user; providers come from the OAuth 2.0 API, not from the configuration. */
    OAUTH("oauth", "OAuth 2.0"),
    /** A token pasted from the Developer Console, valid for 60 minutes and never refreshed. */
    DEVELOPER_TOKEN("developer-token", "developer token");

    private final String propertyValue;
    private final String displayName;

    AuthMethod(String propertyValue, String displayName) {
        this.propertyValue = propertyValue;
        this.displayName = displayName;
    }

    /** The value of {@code box.auth.method}, such as {@code developer-token}. */
    public String propertyValue() {
        return propertyValue;
    }

    /** The name in messages and logs, such as {@code Client Credentials Grant}. */
    public String displayName() {
        return displayName;
    }

    /** The method {@code value} names, case-insensitively, or {@code null}. */
    static AuthMethod fromProperty(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (AuthMethod method : values()) {
            if (method.propertyValue.equals(v)) {
                return method;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return propertyValue;
    }
}
