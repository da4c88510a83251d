package dev.boxauth.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Keys generated once per test run, as unencrypted PKCS#8 PEM. The committed openssl fixtures cover the other forms. */
public final class Keys {

    public static final KeyPair RSA_2048 = generate("RSA", 2048);
    public static final String RSA_2048_PKCS8_PEM = pem(RSA_2048);
    public static final String RSA_1024_PKCS8_PEM = pem(generate("RSA", 1024));
    public static final String EC_PKCS8_PEM = pem(ec());

    private Keys() {
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
