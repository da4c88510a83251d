package dev.boxauth.internal.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;


/**
 * PKCS#8 keys read with the JDK alone: {@code BEGIN PRIVATE KEY}, and {@code BEGIN ENCRYPTED PRIVATE KEY}
 * under PBES2 with PBKDF2 (HMAC-SHA1 to SHA-512) and AES-CBC or (3)DES-CBC, which is what the Developer
 * Console and OpenSSL write. Loading BouncyCastle costs a cold JVM hundreds of classes, so it is left to
 * {@link OpenSslKeys} for whatever this class does not recognise: {@link #read} answers {@code null} then,
 * and BouncyCastle's verdict (a key, or the problem) is the one given, as it was before this class existed.
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
    private record Scheme(String keyAlgorithm, String transformation, int keyBytes) {
    }

    private static final Map<String, Scheme> CIPHERS = Map.of(
            "2.16.840.1.101.3.4.1.2", new Scheme("AES", "AES/CBC/PKCS5Padding", 16),
            "2.16.840.1.101.3.4.1.22", new Scheme("AES", "AES/CBC/PKCS5Padding", 24),
            "2.16.840.1.101.3.4.1.42", new Scheme("AES", "AES/CBC/PKCS5Padding", 32),
            "1.2.840.113549.3.7", new Scheme("DESede", "DESede/CBC/PKCS5Padding", 24),
            "1.3.14.3.2.7", new Scheme("DES", "DES/CBC/PKCS5Padding", 8));

    private Pkcs8Keys() {
    }

    /**
     * @param label the PEM block's label, {@code PRIVATE KEY} or {@code ENCRYPTED PRIVATE KEY}
     * @param base64 the block's body, lines joined
     * @return the key, or {@code null} when this is a form only BouncyCastle reads (or rejects)
     */
    static RSAPrivateCrtKey read(String label, String base64, char[] passphrase) throws KeyProblem {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            return label.equals("PRIVATE KEY") ? unencrypted(der) : encrypted(der, passphrase);
        } catch (Der.Malformed e) {
            return null;
        }
    }

    /** @return {@code null} when the key's DER is not what the JDK reads */
    private static RSAPrivateCrtKey unencrypted(byte[] der) throws KeyProblem, Der.Malformed {
        if (!isRsa(der)) {
            throw PrivateKeys.notRsa();
        }
        RSAPrivateCrtKey key = rsa(der);
        return key == null ? null : PrivateKeys.checkSize(key);
    }

    private static RSAPrivateCrtKey encrypted(byte[] der, char[] passphrase) throws KeyProblem, Der.Malformed {
        Der info = Der.sequence(der);
        Der algorithm = info.sequence();
        byte[] data = info.octetString();
        info.end();
        if (passphrase == null || passphrase.length == 0) {
            throw PrivateKeys.passphraseRequired();
        }
        if (!algorithm.oid().equals(PBES2)) {
            return null;
        }
        Der pbes2 = algorithm.sequence();
        algorithm.end();
        Der kdf = pbes2.sequence();
        Der encryption = pbes2.sequence();
        pbes2.end();
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
        Scheme scheme = CIPHERS.get(encryption.oid());
        if (scheme == null || !PRFS.containsKey(prf) || iterations.signum() <= 0 || iterations.bitLength() > 31
                || (keyLength != null && keyLength.intValue() != scheme.keyBytes())) {
            return null;
        }
        byte[] iv = encryption.octetString();
        encryption.end();

        byte[] plain;
        try {
            plain = decrypt(scheme, PRFS.get(prf), salt, iterations.intValue(), iv, data, passphrase);
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

    private static byte[] decrypt(Scheme scheme, String prf, byte[] salt, int iterations, byte[] iv, byte[] data,
            char[] passphrase) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, scheme.keyBytes() * 8);
        byte[] derived;
        try {
            derived = SecretKeyFactory.getInstance(prf).generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
        try {
            Cipher cipher = Cipher.getInstance(scheme.transformation());
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derived, scheme.keyAlgorithm()),
                    new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
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
