package dev.boxauth.internal.jwt;

import dev.boxauth.BoxAuthException;
import dev.boxauth.internal.config.Subject;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.jose4j.base64url.Base64Url;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.jws.RsaUsingShaAlgorithm;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.jwx.Headers;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.StringUtil;

/**
 * Builds and signs the JWT assertion Box trades for a token. Pure apart from the random {@code jti}: the
 * caller passes Box's time, so skew correction and tests control {@code exp}.
 *
 * <p>jose4j's RSA algorithm signs, taken by name rather than through {@code JsonWebSignature}, whose first use
 * builds jose4j's registry of every JWS, JWE and JWK algorithm and probes the JCA for each: some 90 classes
 * loaded for algorithms an assertion never uses.
 */
public final class AssertionSigner {

    /** Box's audience, whatever URL the token request actually goes to. */
    public static final String AUDIENCE = "https://api.box.com/oauth2/token";

    /**
     * Box accepts an {@code exp} at most 60 s after its own now; 30 s leaves room for a request in flight
     * and for the one-second resolution of the {@code Date} header used to correct skew.
     */
    static final Duration LIFETIME = Duration.ofSeconds(30);

    private final String clientId;
    private final String keyId;
    private final RSAPrivateKey key;
    private final String algorithm;
    private final JsonWebSignatureAlgorithm signature;
    private final Subject subject;
    private final SecureRandom random = new SecureRandom();

    public AssertionSigner(String clientId, String keyId, RSAPrivateKey key, String algorithm, Subject subject) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.signature = switch (algorithm) {
            case "RS256" -> new RsaUsingShaAlgorithm.RsaSha256();
            case "RS384" -> new RsaUsingShaAlgorithm.RsaSha384();
            case "RS512" -> new RsaUsingShaAlgorithm.RsaSha512();
            default -> throw new IllegalArgumentException("not an RSA signature algorithm Box accepts: " + algorithm);
        };
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

        Headers headers = new Headers();
        headers.setStringHeaderValue(HeaderParameterNames.ALGORITHM, algorithm);
        headers.setStringHeaderValue(HeaderParameterNames.KEY_ID, keyId);
        headers.setStringHeaderValue(HeaderParameterNames.TYPE, "JWT");
        String signingInput = headers.getEncodedHeader() + "."
                + Base64Url.encodeUtf8ByteRepresentation(claims.toJson());
        try {
            byte[] signed = signature.sign(signature.prepareForSign(key, new ProviderContext()),
                    StringUtil.getBytesAscii(signingInput));
            return signingInput + "." + Base64Url.encode(signed);
        } catch (JoseException e) {
            // The key was checked at startup, so this is a JCA fault; jose4j's message names no key material.
            throw new BoxAuthException("cannot sign the JWT assertion with " + algorithm + " for key id "
                    + keyId + ": " + e.getMessage(), e);
        }
    }

    /** 32 random bytes, base64url: 43 characters, within Box's 16 to 128. */
    private String newJti() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "AssertionSigner[clientId=" + clientId + ", keyId=" + keyId + ", algorithm=" + algorithm
                + ", subject=" + subject + "]";
    }
}
