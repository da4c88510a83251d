package dev.boxauth.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** RSA keys for emulated apps. */
public final class KeyMaterial {

    /** Box refuses public keys shorter than this. */
    public static final int MIN_RSA_BITS = 2048;

    private KeyMaterial() {
    }

    /** A new RSA-2048 key pair. */
    public static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_RSA_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot generate RSA keys", e);
        }
    }

    /** The key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), lines of 64 characters, LF endings. */
    public static String pkcs8Pem(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("Key does not encode as PKCS#8");
        }
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    /**
     * Checks that {@code key} is one Box would accept for JWT apps.
     *
     * @throws IllegalArgumentException if it is not RSA or shorter than 2048 bits
     */
    public static void requireUsableRsa(PublicKey key) {
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new IllegalArgumentException("Box JWT apps use RSA public keys, not " + key.getAlgorithm());
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("Box requires RSA keys of at least " + MIN_RSA_BITS + " bits");
        }
    }
}
