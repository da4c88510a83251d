package dev.boxauth.internal.grant;

import dev.boxauth.Downscope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Token exchange (downscoping): trades a valid access token for one with fewer scopes, optionally
 * restricted to one item or shared link. Box wants no client credentials here, so none are sent: the
 * parent token is the credential.
 */
public final class TokenExchangeGrant implements Grant {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private final String subjectToken;
    private final Downscope downscope;
    private final String parent;

    /**
     * @param subjectToken the parent's access token, valid now
     * @param downscope the scopes and restriction asked for
     * @param parent who the parent token is for, as its grant describes it; never a secret
     */
    public TokenExchangeGrant(String subjectToken, Downscope downscope, String parent) {
        this.subjectToken = Objects.requireNonNull(subjectToken, "subjectToken");
        this.downscope = Objects.requireNonNull(downscope, "downscope");
        this.parent = Objects.requireNonNull(parent, "parent");
    }

    @Override
    public Map<String, String> form(Instant boxNow) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", ACCESS_TOKEN_TYPE);
        form.put("scope", scope(downscope));
        if (downscope.resource() != null) {
            form.put("resource", downscope.resource());
        }
        if (downscope.sharedLink() != null) {
            form.put("box_shared_link", downscope.sharedLink());
        }
        return form;
    }

    @Override
    public String kind() {
        return "token_exchange";
    }

    @Override
    public String describe() {
        return describe(downscope, parent);
    }

    /**
     * A downscoped token's name in messages and logs. The shared link is not shown: whoever has it may
     * open the item.
     */
    public static String describe(Downscope downscope, String parent) {
        String restriction = downscope.resource() != null ? " on " + downscope.resource()
                : downscope.sharedLink() != null ? " on a shared link" : "";
        return "a token downscoped to " + scope(downscope) + restriction + " from " + parent;
    }

    /** Sorted, so the same scopes always make the same form whatever the set's iteration order. */
    private static String scope(Downscope downscope) {
        return String.join(" ", new TreeSet<>(downscope.scopes()));
    }

    @Override
    public String toString() {
        return "TokenExchangeGrant[" + describe() + "]";
    }
}
