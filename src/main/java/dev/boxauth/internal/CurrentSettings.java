package dev.boxauth.internal;

import static dev.boxauth.BoxAuthProperties.CONFIG_FILE;

import dev.boxauth.BoxConfigException;
import dev.boxauth.ConfigProblem;
import dev.boxauth.internal.config.ConfigFiles;
import dev.boxauth.internal.config.Settings;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The settings a provider asks Box with, following the files they were read from: when a file changed
 * since it was last seen, the next token request reads the configuration again, and uses it if it is
 * valid and for the same app and subject. A file that no longer reads as a valid configuration keeps the
 * working settings in use, and the problem is logged once per change and kept for {@link #problems()}.
 *
 * <p>Only the credentials change this way (client secret, key id, private key, passphrase): the rest of
 * the settings comes from properties, which are read once, and a file that names another app or subject
 * is refused (BOXAUTH-050), because the cached tokens and per-user providers were made for the first one.
 *
 * <p>Thread-safe. The files are looked at only by {@link #checked()}, which callers use just before a token
 * request, never on the path that serves a cached token.
 */
final class CurrentSettings {

    private static final System.Logger LOG = System.getLogger("dev.boxauth");

    /**
     * The settings in use, the files as last seen, and what was wrong with them if they were refused.
     * Immutable and replaced whole, so that a reader sees settings and problems of the same moment.
     */
    private record State(Settings settings, List<ConfigFiles.Stamp> seen, List<ConfigProblem> problems) {
    }

    /** What the files are compared with for identity (BOXAUTH-050), and where they are read from again. */
    private final Settings initial;
    /** Serializes re-reads, so that a change is read, and logged, once whatever the number of refreshes. */
    private final Object rereadLock = new Object();
    /** Read without a lock before every token request; written only under {@link #rereadLock}. */
    private volatile State state;

    CurrentSettings(Settings initial) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.state = new State(initial, initial.files() == null ? List.of() : initial.files().stamps(), null);
    }

    /**
     * The settings as first read: for what comes from properties only (URLs, timeouts, the store), which never
     * changes. Credentials come from {@link #checked()}.
     */
    Settings initial() {
        return initial;
    }

    /**
     * The settings to ask Box with now: the files are compared with how they were last seen (their
     * attributes, not their content), and read again when one of them changed. Never throws for a bad file.
     */
    Settings checked() {
        State current = state;
        ConfigFiles files = initial.files();
        if (files == null) {
            return current.settings();
        }
        List<ConfigFiles.Stamp> now = files.stampsNow();
        if (now.equals(current.seen())) {
            return current.settings();
        }
        synchronized (rereadLock) {
            current = state;
            // Stamped again under the lock: what a refused read remembers must be the files it read.
            now = files.stampsNow();
            if (now.equals(current.seen())) {
                return current.settings(); // another refresh read this change meanwhile
            }
            State next = reread(files, now, current);
            state = next;
            return next.settings();
        }
    }

    /**
     * The problems of the configuration files as last seen, when they could not be used and the settings
     * read before stay in use; {@code null} when the files in use are the last ones seen. For a readiness
     * check: each problem has its message id and property, and never a secret.
     */
    List<ConfigProblem> problems() {
        return state.problems();
    }

    /** @param seen the files as they were just before this read, remembered even when the read fails */
    private State reread(ConfigFiles files, List<ConfigFiles.Stamp> seen, State current) {
        Settings read;
        try {
            read = files.read();
        } catch (BoxConfigException e) {
            return refused(files, seen, current, e.problems());
        }
        if (!sameApp(read, initial)) {
            return refused(files, seen, current, List.of(new ConfigProblem("BOXAUTH-050", CONFIG_FILE,
                    "now names another app, subject or authentication method than the one this application"
                            + " started with (" + who(initial) + "). Only credentials change without a restart:"
                            + " the client secret, key id, private key and passphrase. Put back the file of "
                            + who(initial) + ", or restart the application to use the other app.")));
        }
        LOG.log(Level.INFO, () -> "Box auth for " + who(initial) + ": read the changed " + files.propertyNames()
                + "; the next token requests use it" + (read.jwt() == null ? "" : " (key id " + read.jwt().keyId()
                        + ")"));
        return new State(read, read.files().stamps(), null);
    }

    private State refused(ConfigFiles files, List<ConfigFiles.Stamp> seen, State current,
            List<ConfigProblem> problems) {
        LOG.log(Level.WARNING, () -> "Box auth for " + who(initial) + ": the changed " + files.propertyNames()
                + " cannot be used, so box-auth keeps the configuration it had (" + problems.size()
                + (problems.size() == 1 ? " problem: " : " problems: ")
                + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")) + ")");
        return new State(current.settings(), seen, problems);
    }

    /** Whether the tokens of {@code read} are for the same app and subject: what its caches were made for. */
    private static boolean sameApp(Settings read, Settings initial) {
        return read.method() == initial.method() && Objects.equals(read.clientId(), initial.clientId())
                && Objects.equals(read.subject(), initial.subject());
    }

    private static String who(Settings settings) {
        return (settings.clientId() == null ? "the app" : "client id " + settings.clientId()) + " (" + settings.method()
                + (settings.subject() == null ? "" : ", " + settings.subject()) + ")";
    }

    @Override
    public String toString() {
        State current = state;
        return "CurrentSettings[" + who(initial) + (current.problems() == null ? ""
                : ", refused " + current.problems().stream().map(ConfigProblem::id).toList()) + "]";
    }
}
