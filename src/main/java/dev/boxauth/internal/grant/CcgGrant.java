package dev.boxauth.internal.grant;

import dev.boxauth.internal.Secret;
import dev.boxauth.internal.config.Subject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Client Credentials Grant: the client id and secret, for the enterprise's Service Account or a user. */
public final class CcgGrant implements Grant {

    static final String GRANT_TYPE = "client_credentials";

    private final String clientId;
    private final Secret clientSecret;
    private final Subject subject;

    public CcgGrant(String clientId, Secret clientSecret, Subject subject) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    @Override
    public Map<String, String> form(Instant boxNow) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret.reveal());
        form.put("box_subject_type", subject.type().boxName());
        form.put("box_subject_id", subject.id());
        return form;
    }

    @Override
    public String kind() {
        return "ccg";
    }

    @Override
    public String describe() {
        return "client id " + clientId + " (Client Credentials Grant, " + subject + ")";
    }

    @Override
    public String toString() {
        return "CcgGrant[" + describe() + "]";
    }
}
