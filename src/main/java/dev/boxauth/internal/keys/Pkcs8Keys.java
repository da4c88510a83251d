package dev.boxauth.internal.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * PKCS#8 keys: {@code BEGIN PRIVATE KEY}, and {@code BEGIN ENCRYPTED PRIVATE KEY} under PBES2 with PBKDF2
 * (HMAC-SHA1 to SHA-512) and AES-CBC or (3)DES-CBC, which is what the Developer Console and OpenSSL write,
 * or under the PBES1 schemes of OpenSSL 1.0's {@code pkcs8 -topk8} (SHA-1 with 3DES, MD5 with DES).
 */
final class Pkcs8Keys {

    private static final String RSA = "1.2.840.113549.1.1.1";
    private static final String PBES2 = "1.2.840.113549.1.5.13";
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";
    private static final String HMAC_SHA1 = "1.2.840.113549.2.7";

    /** PBKDF2's pseudo-random functions, by OID: the JDK's SecretKeyFactory for each. */
    private static final Map<String, String> PRFS = Map.of(
            HMAC_SHA1, "PBKDF2WithHmacSHA1",
            "1.2.840.113549.2.8", "PBKDF2WithHmacSHA224",
            "1.2.840.113549.2.9", "PBKDF2WithHmacSHA256",
            "1.2.840.113549.2.10", "PBKDF2WithHmacSHA384",
            "1.2.840.113549.2.11", "PBKDF2WithHmacSHA512");

    /** PBES2's ciphers, by OID. */
    private static final Map<String, CbcCipher> CIPHERS = Map.of(
            "2.16.840.1.101.3.4.1.2", CbcCipher.AES_128,
            "2.16.840.1.101.3.4.1.22", CbcCipher.AES_192,
            "2.16.840.1.101.3.4.1.42", CbcCipher.AES_256,
            "1.2.840.113549.3.7", CbcCipher.DES_EDE3,
            "1.3.14.3.2.7", CbcCipher.DES);

    /** PBES1 schemes (key derivation and cipher in one), by OID: the JDK's name for each. */
    private static final Map<String, String> PBES1 = Map.of(
            "1.2.840.113549.1.12.1.3", "PBEWithSHA1AndDESede",
            "1.2.840.113549.1.5.3", "PBEWithMD5AndDES");

    private Pkcs8Keys() {
    }

    /**
     * @param label the PEM block's label, {@code PRIVATE KEY} or {@code ENCRYPTED PRIVATE KEY}
     * @param der the block's body, decoded
     * @throws KeyProblem for every key it cannot use
     */
    static RSAPrivateCrtKey read(String label, byte[] der, char[] passphrase) throws KeyProblem {
        try {
            return label.equals("PRIVATE KEY") ? unencrypted(der) : encrypted(der, passphrase);
        } catch (Der.Malformed e) {
            throw PrivateKeys.notPem();
        }
    }

    private static RSAPrivateCrtKey unencrypted(byte[] der) throws KeyProblem, Der.Malformed {
        if (!isRsa(der)) {
            throw PrivateKeys.notRsa();
        }
        RSAPrivateCrtKey key = rsa(der);
        if (key == null) {
            throw PrivateKeys.notPem();
        }
        return PrivateKeys.checkSize(key);
    }

    private static RSAPrivateCrtKey encrypted(byte[] der, char[] passphrase) throws KeyProblem, Der.Malformed {
        Der info = Der.sequence(der);
        Der algorithm = info.sequence();
        byte[] data = info.octetString();
        info.end();
        if (passphrase == null || passphrase.length == 0) {
            throw PrivateKeys.passphraseRequired();
        }
        String scheme = algorithm.oid();
        Decryption decryption = scheme.equals(PBES2) ? pbes2(algorithm.sequence())
                : PBES1.containsKey(scheme) ? pbes1(PBES1.get(scheme), algorithm.sequence()) : null;
        if (decryption == null) {
            throw PrivateKeys.unsupportedEncryption();
        }
        algorithm.end();
        byte[] plain;
        try {
            plain = decryption.decrypt(data, passphrase);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Mostly bad padding: the passphrase is wrong.
            throw PrivateKeys.wrongPassphrase();
        }
        try {
            // About one wrong passphrase in 256 leaves valid padding around random bytes, which fail here.
            if (!isRsa(plain)) {
                throw PrivateKeys.notRsa();
            }
        } catch (Der.Malformed e) {
            throw PrivateKeys.wrongPassphrase();
        }
        RSAPrivateCrtKey key = rsa(plain);
        Arrays.fill(plain, (byte) 0);
        if (key == null) {
            throw PrivateKeys.wrongPassphrase();
        }
        return PrivateKeys.checkSize(key);
    }

    /** Decrypts with the passphrase; bad padding mostly means a wrong passphrase. */
    private interface Decryption {
        byte[] decrypt(byte[] data, char[] passphrase) throws GeneralSecurityException;
    }

    /** @return {@code null} for a key derivation, pseudo-random function or cipher it does not know */
    private static Decryption pbes2(Der parameters) throws Der.Malformed {
        Der kdf = parameters.sequence();
        Der encryption = parameters.sequence();
        parameters.end();
        if (!kdf.oid().equals(PBKDF2)) {
            return null;
        }
        Der pbkdf2 = kdf.sequence();
        kdf.end();
        byte[] salt = pbkdf2.octetString();
        BigInteger iterations = pbkdf2.integer();
        BigInteger keyLength = pbkdf2.peekTag() == Der.INTEGER ? pbkdf2.integer() : null;
        String prf = HMAC_SHA1;
        if (pbkdf2.hasMore()) {
            Der prfAlgorithm = pbkdf2.sequence();
            prf = prfAlgorithm.oid();
            if (prfAlgorithm.peekTag() == Der.NULL) {
                prfAlgorithm.skip();
            }
            prfAlgorithm.end();
        }
        pbkdf2.end();
        CbcCipher cipher = CIPHERS.get(encryption.oid());
        if (cipher == null || !PRFS.containsKey(prf) || !isCount(iterations)
                || (keyLength != null && keyLength.intValue() != cipher.keyBytes())) {
            return null;
        }
        byte[] iv = encryption.octetString();
        encryption.end();
        String factory = PRFS.get(prf);
        return (data, passphrase) -> {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations.intValue(), cipher.keyBytes() * 8);
            byte[] derived;
            try {
                derived = SecretKeyFactory.getInstance(factory).generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
            try {
                return cipher.decrypt(derived, iv, data);
            } finally {
                Arrays.fill(derived, (byte) 0);
            }
        };
    }

    /** @param scheme the JDK's name of the PBES1 scheme, which derives the key and decrypts */
    private static Decryption pbes1(String scheme, Der parameters) throws Der.Malformed {
        byte[] salt = parameters.octetString();
        BigInteger iterations = parameters.integer();
        parameters.end();
        if (!isCount(iterations)) {
            return null;
        }
        return (data, passphrase) -> {
            PBEKeySpec spec = new PBEKeySpec(passphrase);
            try {
                Cipher cipher = Cipher.getInstance(scheme);
                cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(scheme).generateSecret(spec),
                        new PBEParameterSpec(salt, iterations.intValue()));
                return cipher.doFinal(data);
            } finally {
                spec.clearPassword();
            }
        };
    }

    private static boolean isCount(BigInteger iterations) {
        return iterations.signum() > 0 && iterations.bitLength() <= 31;
    }

    /** Whether a PKCS#8 PrivateKeyInfo says RSA. */
    private static boolean isRsa(byte[] privateKeyInfo) throws Der.Malformed {
        Der info = Der.sequence(privateKeyInfo);
        info.integer();
        return info.sequence().oid().equals(RSA);
    }

    /** The JDK's own RSA key, as signing needs it; {@code null} when the JDK cannot read it. */
    private static RSAPrivateCrtKey rsa(byte[] privateKeyInfo) {
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateKeyInfo));
            return key instanceof RSAPrivateCrtKey crt ? crt : null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }
}
