package dev.boxauth.internal;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.ConfigProblem;
import java.util.List;

/** What a readiness check can learn from a provider that {@link ProviderFactory} made, without asking Box. */
public final class ProviderStatus {

    private ProviderStatus() {
    }

    /**
     * The problems of the provider's configuration files ({@code box.auth.config-file},
     * {@code box.auth.jwt.private-key-file}) as last seen, when they changed on disk and could not be used:
     * the provider then keeps the configuration it had, and its tokens keep coming. Each problem has its
     * message id ({@code BOXAUTH-0nn}) and property, and never a secret.
     *
     * <p>Looks at no file: the files are checked just before each token request, so a change shows here
     * after the next refresh. Per-user providers ({@code forUser}) answer for the app's configuration.
     *
     * @param provider a provider of {@link ProviderFactory}: the instance itself, not a CDI client proxy,
     *     which hides it
     * @return the problems, or {@code null} when the files in use are the last ones seen, when nothing came
     *     from a file, or when {@code provider} was not made by {@link ProviderFactory}
     */
    public static List<ConfigProblem> configurationProblems(BoxTokenProvider provider) {
        return provider instanceof CachingTokenProvider ours ? ours.configurationProblems() : null;
    }
}
