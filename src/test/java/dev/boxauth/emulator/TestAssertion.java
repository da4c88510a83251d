package dev.boxauth.emulator;

import java.security.Key;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * A JWT assertion built with jose4j (not with the emulator's own code), valid for an app by default;
 * each setter breaks one thing.
 */
final class TestAssertion {

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private String alg = AlgorithmIdentifiers.RSA_USING_SHA256;
    private String typ = "JWT";
    private String kid;
    private Key key = TestKeys.APP.getPrivate();

    private TestAssertion(JwtApp app, String subType, String sub, Instant now) {
        kid = app.keyId();
        claims.put("iss", app.clientId());
        claims.put("sub", sub);
        claims.put("box_sub_type", subType);
        claims.put("aud", "https://api.box.com/oauth2/token");
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("exp", now.getEpochSecond() + 30);
    }

    /** An assertion for the app's enterprise, expiring 30 s after {@code now}. */
    static TestAssertion enterprise(JwtApp app, Instant now) {
        return new TestAssertion(app, "enterprise", app.enterpriseId(), now);
    }

    /** An assertion for {@code user}, expiring 30 s after {@code now}. */
    static TestAssertion user(JwtApp app, BoxUser user, Instant now) {
        return new TestAssertion(app, "user", user.id(), now);
    }

    /** Sets a claim; {@code null} removes it. */
    TestAssertion claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    TestAssertion alg(String alg) {
        this.alg = alg;
        return this;
    }

    TestAssertion typ(String typ) {
        this.typ = typ;
        return this;
    }

    TestAssertion kid(String kid) {
        this.kid = kid;
        return this;
    }

    TestAssertion signedWith(Key key) {
        this.key = key;
        return this;
    }

    String compact() {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(JsonUtil.toJson(claims));
        jws.setAlgorithmHeaderValue(alg);
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
