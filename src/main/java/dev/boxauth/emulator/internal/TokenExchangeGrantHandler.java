package dev.boxauth.emulator.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token exchange ({@code urn:ietf:params:oauth:grant-type:token-exchange}): a valid access token for a
 * downscoped one with fewer scopes, optionally restricted to one file or folder or to a shared link. No
 * client credentials: holding the subject token is the proof. No refresh token either.
 */
public final class TokenExchangeGrantHandler implements GrantHandler {

    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private static final Pattern ITEM = Pattern.compile("/(files|folders)/([0-9]+)");

    private final TokenIssuer issuer;
    private final Counters counters;
    /** API roots a {@code resource} may start with: the emulator's own and Box's. */
    private final List<String> apiRoots;

    public TokenExchangeGrantHandler(TokenIssuer issuer, Counters counters, List<String> apiRoots) {
        this.issuer = issuer;
        this.counters = counters;
        this.apiRoots = List.copyOf(apiRoots);
    }

    @Override
    public String grantType() {
        return "urn:ietf:params:oauth:grant-type:token-exchange";
    }

    @Override
    public Map<String, Object> grant(Form form) throws GrantRejected {
        String resource = form.get("resource");
        String sharedLink = form.get("box_shared_link");
        Set<String> scopes = Scopes.parse(form.get("scope"));
        if (!ACCESS_TOKEN_TYPE.equals(form.get("subject_token_type"))) {
            throw invalidRequest("The subject_token_type must be " + ACCESS_TOKEN_TYPE);
        }
        if (resource != null && sharedLink != null) {
            throw invalidRequest("The resource and box_shared_link parameters are mutually exclusive");
        }
        if (scopes.isEmpty()) {
            throw invalidRequest("The scope parameter is required");
        }
        TokenIssuer.ActiveToken parent = issuer.lookup(form.get("subject_token"));
        if (parent == null) {
            throw GrantRejected.invalidGrant("exchange_subject_token", "The subject_token provided is invalid");
        }
        if (!parent.grant().scopes().containsAll(scopes)) {
            throw new GrantRejected("exchange_scope", "invalid_scope",
                    "The requested scope is invalid, unknown, or exceeds the scope of the subject_token");
        }
        Map<String, Object> object = resource != null ? item(resource)
                : sharedLink != null ? sharedItem(sharedLink) : null;
        List<Map<String, Object>> restrictedTo = new ArrayList<>();
        if (object != null) {
            for (String scope : scopes) {
                restrictedTo.add(Json.object("scope", scope, "object", object));
            }
        }
        AccessGrant parentGrant = parent.grant();
        AccessGrant grant = new AccessGrant(parentGrant.subject(), parentGrant.clientId(), scopes, false, restrictedTo);
        // A downscoped token never outlives the token it came from.
        TokenIssuer.IssuedToken issued = issuer.issue(grant, parent.expiresAt());
        counters.tokenExchanges.incrementAndGet();
        Map<String, Object> fields = new LinkedHashMap<>(issued.responseFields());
        fields.put("issued_token_type", ACCESS_TOKEN_TYPE);
        return fields;
    }

    /** The file or folder an API URL such as {@code https://api.box.com/2.0/files/123} names, as a mini object. */
    private Map<String, Object> item(String resource) throws GrantRejected {
        for (String root : apiRoots) {
            if (resource.startsWith(root)) {
                Matcher matcher = ITEM.matcher(resource.substring(root.length()));
                if (matcher.matches()) {
                    String type = matcher.group(1).equals("files") ? "file" : "folder";
                    return mini(type, matcher.group(2), (type.equals("file") ? "File " : "Folder ") + matcher.group(2));
                }
            }
        }
        throw invalidResource();
    }

    /**
     * The item behind a shared link, as Box describes it: a file mini object. The emulator keeps no items, so
     * it makes one up: the same link always gives the same 12-digit id.
     */
    private static Map<String, Object> sharedItem(String sharedLink) throws GrantRejected {
        URI uri;
        try {
            uri = new URI(sharedLink);
        } catch (java.net.URISyntaxException e) {
            throw invalidResource();
        }
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null) {
            throw invalidResource();
        }
        long hash = UUID.nameUUIDFromBytes(sharedLink.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        String id = Long.toString(100_000_000_000L + Math.floorMod(hash, 900_000_000_000L));
        return mini("file", id, "Shared file " + id);
    }

    /**
     * Box's mini object of a file or folder, the shape of {@code restricted_to[].object}: {@code type},
     * {@code id}, {@code sequence_id}, {@code etag}, {@code name}.
     */
    private static Map<String, Object> mini(String type, String id, String name) {
        return Json.object("type", type, "id", id, "sequence_id", "0", "etag", "0", "name", name);
    }

    private static GrantRejected invalidResource() {
        return new GrantRejected("exchange_resource", "invalid_resource", "The target resource is invalid.");
    }

    private static GrantRejected invalidRequest(String description) {
        return new GrantRejected("exchange_request", "invalid_request", description);
    }
}
