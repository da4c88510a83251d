package dev.boxauth;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a downscoped token may do: its scopes, and optionally the one file or folder (as an API URL such
 * as {@code https://api.box.com/2.0/files/123}) or the shared link it is restricted to.
 *
 * @param scopes the scopes, such as {@code item_preview}; not empty; the parent token must hold them all
 * @param resource an API URL of a file or folder, or {@code null}; not with {@code sharedLink}
 * @param sharedLink a shared link, or {@code null}; not with {@code resource}; {@link #toString()} never shows it
 */
public record Downscope(Set<String> scopes, String resource, String sharedLink) {

    public Downscope {
        scopes = Set.copyOf(new TreeSet<>(Objects.requireNonNull(scopes, "scopes")));
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a downscoped token needs at least one scope");
        }
        if (resource != null && sharedLink != null) {
            throw new IllegalArgumentException("a downscoped token is restricted to a resource or a shared link, not both");
        }
    }

    /** Scopes only. */
    public static Downscope to(String... scopes) {
        return new Downscope(Set.of(scopes), null, null);
    }

    /** The same scopes, restricted to one file or folder (its API URL). */
    public Downscope onResource(String resourceUrl) {
        return new Downscope(scopes, Objects.requireNonNull(resourceUrl, "resourceUrl"), null);
    }

    /** The same scopes, restricted to a shared link. */
    public Downscope onSharedLink(String link) {
        return new Downscope(scopes, null, Objects.requireNonNull(link, "link"));
    }

    /** Never shows the shared link, which opens its item to whoever holds it, as a token does. */
    @Override
    public String toString() {
        return "Downscope[scopes=" + scopes + (resource == null ? "" : ", resource=" + resource)
                + (sharedLink == null ? "" : ", sharedLink=<redacted>") + "]";
    }
}
