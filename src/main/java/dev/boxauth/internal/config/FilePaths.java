package dev.boxauth.internal.config;

import static dev.boxauth.BoxAuthProperties.CONFIG;
import static dev.boxauth.BoxAuthProperties.CONFIG_FILE;
import static dev.boxauth.BoxAuthProperties.JWT_PRIVATE_KEY;
import static dev.boxauth.BoxAuthProperties.JWT_PRIVATE_KEY_FILE;

/**
 * The values of the {@code *-file} properties, which are easily given the content instead of its path
 * ({@code box.auth.config-file} for {@code box.auth.config}): a message names such a value's property and
 * where the content belongs, and shows the value only when it can be a path, because the content is a secret.
 */
final class FilePaths {

    /** Longer than any path a person types; a longer value is pasted content. */
    private static final int MAX_PATH_LENGTH = 512;

    private FilePaths() {
    }

    /**
     * Whether {@code value} can be shown in a message: a line a person would write as a path, with a
     * directory or an extension, which a pasted secret (a client secret, a token) has not.
     */
    static boolean isPlausiblePath(String value) {
        return value.length() <= MAX_PATH_LENGTH && value.chars().noneMatch(Character::isISOControl)
                && !looksLikeJson(value) && !looksLikePem(value)
                && (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0 || value.indexOf('.') >= 0);
    }

    /**
     * What to say of a file {@code property} whose {@code value} cannot be read: the path when it can be one,
     * else what the value looks like and where it belongs, never the value itself.
     */
    static String unreadable(String property, String value, Exception cause) {
        if (isPlausiblePath(value)) {
            return "cannot read the file '" + value + "' (" + cause.getClass().getSimpleName() + "). Check the path"
                    + " and that the server's user may read it.";
        }
        if (looksLikeJson(value)) {
            return "holds what looks like the JSON itself, not a path: put the JSON in " + CONFIG + " ("
                    + EnvironmentNames.of(CONFIG) + "), or the path of its file " + where(property, CONFIG_FILE) + ".";
        }
        if (looksLikePem(value)) {
            return "holds what looks like the PEM key itself, not a path: put the key in " + JWT_PRIVATE_KEY + " ("
                    + EnvironmentNames.of(JWT_PRIVATE_KEY) + "), or the path of its file "
                    + where(property, JWT_PRIVATE_KEY_FILE) + ".";
        }
        return "cannot be read as a file, and does not look like a path, so its value is not shown (it may be"
                + " content, which can be secret). Set it to the path of the file, such as /etc/box/config.json,"
                + " readable by the server's user.";
    }

    private static String where(String property, String fileProperty) {
        return property.equals(fileProperty) ? "here" : "in " + fileProperty;
    }

    private static boolean looksLikeJson(String value) {
        return value.indexOf('{') >= 0;
    }

    private static boolean looksLikePem(String value) {
        return value.contains("-----BEGIN");
    }
}
