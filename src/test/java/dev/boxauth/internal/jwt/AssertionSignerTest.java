package dev.boxauth.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.internal.config.Subject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AssertionSignerTest {

    private static final Instant BOX_NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static KeyPair keys;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    private static AssertionSigner signer(String algorithm, Subject subject) {
        return new AssertionSigner("client-1", "key-9", (RSAPrivateKey) keys.getPrivate(), algorithm, subject);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512"})
    void sign_producesAVerifiableJwtWithTheAlgorithmTypAndKid(String algorithm) throws Exception {
        String assertion = signer(algorithm, Subject.enterprise("42")).sign(BOX_NOW);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(assertion);
        jws.setKey(keys.getPublic());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo(algorithm);
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo("key-9");
        assertThat(jws.getHeader("typ")).isEqualTo("JWT");
    }

    @Test
    void sign_setsBoxClaimsForTheEnterprise() throws Exception {
        JwtClaims claims = claims(signer("RS256", Subject.enterprise("42")).sign(BOX_NOW, "j".repeat(20)));

        assertThat(claims.getIssuer()).isEqualTo("client-1");
        assertThat(claims.getSubject()).isEqualTo("42");
        assertThat(claims.getClaimValue("box_sub_type")).isEqualTo("enterprise");
        // A single audience string, exactly Box's, whatever URL the request goes to.
        assertThat(claims.getClaimValue("aud")).isEqualTo("https://api.box.com/oauth2/token");
        assertThat(claims.getJwtId()).isEqualTo("j".repeat(20));
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(BOX_NOW.getEpochSecond() + 30);
    }

    @Test
    void sign_setsBoxClaimsForAUser() throws Exception {
        JwtClaims claims = claims(signer("RS256", Subject.user("7")).sign(BOX_NOW));

        assertThat(claims.getSubject()).isEqualTo("7");
        assertThat(claims.getClaimValue("box_sub_type")).isEqualTo("user");
    }

    @Test
    void sign_usesAFreshJtiOfBoxLengthEveryTime() throws Exception {
        AssertionSigner signer = signer("RS256", Subject.enterprise("42"));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ids.add(claims(signer.sign(BOX_NOW)).getJwtId());
        }

        assertThat(ids).hasSize(100).allSatisfy(id -> assertThat(id.length()).isBetween(16, 128));
    }

    @Test
    void toString_namesTheAppAndKeyOnly() {
        assertThat(signer("RS256", Subject.enterprise("42")).toString())
                .contains("client-1", "key-9").doesNotContain("Private");
    }

    private static JwtClaims claims(String assertion) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(assertion);
        jws.setKey(keys.getPublic());
        return JwtClaims.parse(jws.getPayload());
    }
}
