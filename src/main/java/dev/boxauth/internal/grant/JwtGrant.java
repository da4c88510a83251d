package dev.boxauth.internal.grant;

import dev.boxauth.internal.Secret;
import dev.boxauth.internal.config.Subject;
import dev.boxauth.internal.jwt.AssertionSigner;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** JWT server authentication: a signed assertion for the enterprise's Service Account or a user. */
public final class JwtGrant implements Grant {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final String clientId;
    private final Secret clientSecret;
    private final Subject subject;
    private final AssertionSigner signer;

    public JwtGrant(String clientId, Secret clientSecret, Subject subject, AssertionSigner signer) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.subject = subject;
        this.signer = signer;
    }

    @Override
    public Map<String, String> form(Instant boxNow) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("assertion", signer.sign(boxNow));
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret.reveal());
        return form;
    }

    @Override
    public String kind() {
        return "jwt";
    }

    @Override
    public String describe() {
        return "client id " + clientId + " (JWT, " + subject + ")";
    }

    @Override
    public String toString() {
        return "JwtGrant[" + describe() + "]";
    }
}
