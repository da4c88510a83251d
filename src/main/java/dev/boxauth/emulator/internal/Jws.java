package dev.boxauth.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/** A JWS in compact serialization ({@code header.payload.signature}), signed with RSA PKCS#1 v1.5. */
final class Jws {

    /** The algorithms Box accepts, by JOSE name, with the JDK's name for each. */
    private static final Map<String, String> ALGORITHMS =
            Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");

    private final Map<String, Object> header;
    private final byte[] signingInput;
    private final String payload;
    private final byte[] signature;

    private Jws(Map<String, Object> header, byte[] signingInput, String payload, byte[] signature) {
        this.header = header;
        this.signingInput = signingInput;
        this.payload = payload;
        this.signature = signature;
    }

    /**
     * Splits and decodes {@code compact}. The payload is decoded but not parsed: claims are read only
     * after the signature is checked.
     *
     * @throws IllegalArgumentException if it is not three base64url parts with a JSON object header
     */
    static Jws parse(String compact) {
        if (compact == null) {
            throw new IllegalArgumentException("No assertion");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A compact JWS has three parts");
        }
        Base64.Decoder decoder = Base64.getUrlDecoder();
        Map<String, Object> header = Json.parseObject(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8));
        String payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8);
        byte[] signature = decoder.decode(parts[2]);
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        return new Jws(header, signingInput, payload, signature);
    }

    /** A header parameter if it is a string, else {@code null}. */
    String header(String name) {
        return header.get(name) instanceof String value ? value : null;
    }

    /** Whether the {@code alg} header names an algorithm Box accepts. */
    boolean algorithmSupported() {
        String alg = header("alg");
        return alg != null && ALGORITHMS.containsKey(alg);
    }

    /** Whether the signature, under the {@code alg} header, verifies with {@code key}. */
    boolean verifies(PublicKey key) {
        String jdkAlgorithm = ALGORITHMS.get(header("alg"));
        if (jdkAlgorithm == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(jdkAlgorithm);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A signature of the wrong length, or a key that cannot verify it: not a valid signature.
            return false;
        }
    }

    /** The claims, or an empty map if the payload is not a JSON object (every claim check then fails). */
    Map<String, Object> claims() {
        try {
            return Json.parseObject(payload);
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }
}
