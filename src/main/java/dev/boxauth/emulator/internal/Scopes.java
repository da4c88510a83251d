package dev.boxauth.emulator.internal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** Box scopes: space-separated in requests, a set on apps and tokens. */
public final class Scopes {

    /**
     * What tokens of a new app carry until the test changes it: read/write access plus the scopes that
     * downscoping most often asks for.
     */
    public static final Set<String> DEFAULT = of("root_readwrite", "item_preview", "item_upload", "item_share",
            "item_download", "base_preview");

    private Scopes() {
    }

    /**
     * An unmodifiable, ordered copy of {@code scopes}.
     *
     * @throws IllegalArgumentException if a scope is empty or contains white space
     * @throws NullPointerException if a scope is {@code null}
     */
    public static Set<String> of(String... scopes) {
        Set<String> set = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (Objects.requireNonNull(scope, "scope").isEmpty() || scope.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("A scope is one word, without spaces");
            }
            set.add(scope);
        }
        return Collections.unmodifiableSet(set);
    }

    /** The scopes of a space-separated {@code scope} parameter; empty for {@code null} or blank. */
    public static Set<String> parse(String parameter) {
        Set<String> set = new LinkedHashSet<>();
        if (parameter != null) {
            for (String scope : parameter.trim().split(" +")) {
                if (!scope.isEmpty()) {
                    set.add(scope);
                }
            }
        }
        return Collections.unmodifiableSet(set);
    }
}
