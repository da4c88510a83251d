package dev.boxauth.internal;

import dev.boxauth.BoxConfigException;
import dev.boxauth.BoxTokenException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.ConfigProblem;
import dev.boxauth.internal.cache.CacheStatus;
import dev.boxauth.internal.config.AuthMethod;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.config.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a readiness check shows of one app's provider, read at one moment: who the tokens are for, whether
 * one is held, how long it lives, and why the last attempt failed. Immutable; holds no token and no
 * secret, only ids and codes.
 *
 * @param method how the app authenticates
 * @param subject whom the tokens represent; {@code null} for a developer token and OAuth 2.0
 * @param tokenUsable whether a token is handed out now without asking Box
 * @param untilExpiry how long the held token lives on; {@code null} when none is held or its expiry is
 *     unknown (a developer token)
 * @param lastError why the last token request failed, as {@link #errorCode}; {@code null} when it did not
 * @param problems what is wrong with the configuration files as last seen ({@code box.auth.config-file},
 *     {@code box.auth.jwt.private-key-file}), when they changed on disk and could not be used: the provider
 *     keeps the configuration it had, and its tokens keep coming; empty when the files in use are the last
 *     ones seen. Each problem has its message id and property, never a secret. The files are looked at
 *     just before each token request, so a change shows here after the next refresh.
 */
public record ProviderStatus(AuthMethod method, Subject subject, boolean tokenUsable, Duration untilExpiry,
        String lastError, List<ConfigProblem> problems) {

    /** What Box sends as {@code error}: lower-case words joined by underscores, never long. */
    private static final Pattern BOX_ERROR_CODE = Pattern.compile("[a-z0-9_]{1,64}");

    public ProviderStatus {
        Objects.requireNonNull(method, "method");
        problems = List.copyOf(problems);
    }

    /** An app whose provider holds no token: not made yet, or an OAuth 2.0 app, whose tokens are its users'. */
    public static ProviderStatus noToken(Settings settings) {
        return new ProviderStatus(settings.method(), settings.subject(), false, null, null, List.of());
    }

    /**
     * The status of {@code provider}, or {@code null} when {@link ProviderFactory} did not make it (an OAuth
     * 2.0 app's provider, whose tokens are its users'; a CDI client proxy, which hides the instance).
     * Per-user providers ({@code forUser}) answer for the app's configuration.
     */
    public static ProviderStatus of(BoxTokenProvider provider) {
        return provider instanceof CachingTokenProvider caching ? caching.status() : null;
    }

    static ProviderStatus of(AuthMethod method, Subject subject, CacheStatus cache, List<ConfigProblem> problems) {
        Instant expiresAt = cache.expiresAt();
        Duration untilExpiry = expiresAt == null || expiresAt.equals(Instant.MAX) ? null
                : Duration.between(cache.asOf(), expiresAt);
        return new ProviderStatus(method, subject, cache.usable(), untilExpiry, errorCode(cache.lastFailure()),
                problems);
    }

    /**
     * Names a failure without its message, which may quote what Box or the network said: Box's
     * {@code error} code ({@code unauthorized_client}); {@code http_<status>} when Box answered without
     * one; the message ids of a configuration problem ({@code BOXAUTH-028}); otherwise the simple class
     * name of the cause ({@code ConnectException}) or of the failure itself. {@code null} for none.
     */
    public static String errorCode(Throwable failure) {
        if (failure == null) {
            return null;
        }
        if (failure instanceof BoxConfigException config) {
            return config.problems().stream().map(ConfigProblem::id).distinct().collect(Collectors.joining(" "));
        }
        if (failure instanceof BoxTokenException token) {
            // Only a code in Box's own format: a wrong token-url could echo anything, a secret included.
            String error = token.error().filter(e -> BOX_ERROR_CODE.matcher(e).matches()).orElse(null);
            if (error != null) {
                return error;
            }
            if (token.httpStatus() != 0) {
                return "http_" + token.httpStatus();
            }
        }
        return (failure.getCause() != null ? failure.getCause() : failure).getClass().getSimpleName();
    }
}
