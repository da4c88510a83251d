package dev.boxauth.internal.jwt;

import dev.boxauth.BoxAuthException;
import dev.boxauth.internal.config.Subject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Builds and signs the JWT assertion Box trades for a token. Pure apart from the random {@code jti}: the
 * caller passes Box's time, so skew correction and tests control {@code exp}.
 *
 * <p>The signature is the JDK's ({@code SHA256withRSA} and so on), not jose4j's {@code JsonWebSignature}:
 * jose4j's algorithm registry logs through SLF4J when it first loads, which printed SLF4J's "no binding"
 * warning in every application without an SLF4J binding. An RSA JWS is three base64url parts, so the JDK
 * does it in a few lines, and box-auth never initializes SLF4J (see the README's Dependencies section).
 */
public final class AssertionSigner {

    /** Box's audience, whatever URL the token request actually goes to. */
    public static final String AUDIENCE = "https://api.box.com/oauth2/token";

    /**
     * Box accepts an {@code exp} at most 60 s after its own now; 30 s leaves room for a request in flight
     * and for the one-second resolution of the {@code Date} header used to correct skew.
     */
    static final Duration LIFETIME = Duration.ofSeconds(30);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String clientId;
    private final String keyId;
    private final RSAPrivateKey key;
    private final String algorithm;
    private final Subject subject;
    private final SecureRandom random = new SecureRandom();

    public AssertionSigner(String clientId, String keyId, RSAPrivateKey key, String algorithm, Subject subject) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /** A signed assertion with a fresh {@code jti}, expiring 30 s after {@code boxNow}. */
    public String sign(Instant boxNow) {
        return sign(boxNow, newJti());
    }

    /** A signed assertion with the given {@code jti}, expiring 30 s after {@code boxNow}. */
    public String sign(Instant boxNow, String jti) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(clientId);
        claims.setSubject(subject.id());
        claims.setClaim("box_sub_type", subject.type().boxName());
        claims.setAudience(AUDIENCE);
        claims.setJwtId(jti);
        claims.setExpirationTime(NumericDate.fromSeconds(boxNow.plus(LIFETIME).getEpochSecond()));

        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm);
        header.put("kid", keyId);
        header.put("typ", "JWT");
        String signingInput = base64url(JsonUtil.toJson(header)) + "." + base64url(claims.toJson());
        try {
            Signature signature = Signature.getInstance(jcaName(algorithm));
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            // The key was checked at startup, so this is a JCA fault; the JDK's message names no key material.
            throw new BoxAuthException("cannot sign the JWT assertion with " + algorithm + " for key id "
                    + keyId + ": " + e.getMessage(), e);
        }
    }

    /** The JCA name of a JWS RSA algorithm (RFC 7518, section 3.3); the settings allow only these three. */
    private static String jcaName(String algorithm) {
        return switch (algorithm) {
            case "RS256" -> "SHA256withRSA";
            case "RS384" -> "SHA384withRSA";
            case "RS512" -> "SHA512withRSA";
            default -> throw new IllegalArgumentException("not an RSA JWS algorithm: " + algorithm);
        };
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** 32 random bytes, base64url: 43 characters, within Box's 16 to 128. */
    private String newJti() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "AssertionSigner[clientId=" + clientId + ", keyId=" + keyId + ", algorithm=" + algorithm
                + ", subject=" + subject + "]";
    }
}
