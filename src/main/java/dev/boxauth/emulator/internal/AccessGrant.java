package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an access token stands for.
 *
 * @param subject the user the API answers as
 * @param clientId the app the token was issued to; only that app may revoke it
 * @param scopes what the token may do; a token exchange may only narrow them
 * @param enterprise whether this is an enterprise (Service Account) token, the only kind that may send
 *     {@code As-User}
 * @param restrictedTo the {@code restricted_to} entries of a downscoped token; empty for others
 */
public record AccessGrant(BoxUser subject, String clientId, Set<String> scopes, boolean enterprise,
        List<Map<String, Object>> restrictedTo) {

    public AccessGrant {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        scopes = Objects.requireNonNull(scopes, "scopes");
        restrictedTo = List.copyOf(restrictedTo);
    }

    /** A full token of {@code app} for {@code subject}, carrying the app's current scopes. */
    public static AccessGrant of(AppRegistration app, BoxUser subject, boolean enterprise) {
        return new AccessGrant(subject, app.clientId(), app.scopes(), enterprise, List.of());
    }
}
