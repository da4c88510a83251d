package dev.boxauth.internal.keys;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * PKCS#1 keys ({@code BEGIN RSA PRIVATE KEY}) read with the JDK alone, unencrypted or encrypted the
 * traditional OpenSSL way: {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info: <cipher>,<IV in hex>}, the
 * key derived from the passphrase by OpenSSL's {@code EVP_BytesToKey} (MD5, one round, the IV's first 8
 * bytes as salt). That is what OpenSSL 1.x {@code genrsa -des3} and {@code rsa -traditional} write.
 */
final class Pkcs1Keys {

    /** The DEK-Info ciphers that {@code openssl genrsa} and {@code openssl rsa} offer for real use. */
    private static final Map<String, CbcCipher> CIPHERS = Map.of(
            "DES-EDE3-CBC", CbcCipher.DES_EDE3,
            "DES-CBC", CbcCipher.DES,
            "AES-128-CBC", CbcCipher.AES_128,
            "AES-192-CBC", CbcCipher.AES_192,
            "AES-256-CBC", CbcCipher.AES_256);

    private Pkcs1Keys() {
    }

    /** @throws KeyProblem for every key it cannot use */
    static RSAPrivateCrtKey read(PemBlock block, char[] passphrase) throws KeyProblem {
        if (!"4,ENCRYPTED".equals(block.headers().get("Proc-Type"))) {
            return key(block.der(), PrivateKeys.notPem());
        }
        return key(decrypt(block.der(), block.headers().get("DEK-Info"), passphrase), PrivateKeys.wrongPassphrase());
    }

    private static byte[] decrypt(byte[] data, String dekInfo, char[] passphrase) throws KeyProblem {
        int comma = dekInfo == null ? -1 : dekInfo.indexOf(',');
        CbcCipher cipher = comma < 0 ? null : CIPHERS.get(dekInfo.substring(0, comma));
        if (passphrase == null || passphrase.length == 0) {
            throw PrivateKeys.passphraseRequired();
        }
        if (cipher == null) {
            throw PrivateKeys.unsupportedEncryption();
        }
        byte[] iv;
        try {
            iv = HexFormat.of().parseHex(dekInfo.substring(comma + 1).strip());
        } catch (IllegalArgumentException e) {
            throw PrivateKeys.notPem();
        }
        if (iv.length < 8) {
            throw PrivateKeys.notPem();
        }
        byte[] key = bytesToKey(passphrase, Arrays.copyOf(iv, 8), cipher.keyBytes());
        try {
            return cipher.decrypt(key, iv, data);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Mostly bad padding: the passphrase is wrong.
            throw PrivateKeys.wrongPassphrase();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * OpenSSL's {@code EVP_BytesToKey} with MD5 and one round: D1 = MD5(passphrase, salt), Di = MD5(Di-1,
     * passphrase, salt), concatenated to the key's length. The passphrase's bytes are its UTF-8, as a
     * terminal hands them to OpenSSL.
     */
    private static byte[] bytesToKey(char[] passphrase, byte[] salt, int length) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] secret = new byte[encoded.remaining()];
        encoded.get(secret);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] key = new byte[length];
            byte[] block = new byte[0];
            for (int filled = 0; filled < length; filled += block.length) {
                md5.update(block);
                md5.update(secret);
                block = md5.digest(salt);
                System.arraycopy(block, 0, key, filled, Math.min(block.length, length - filled));
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no MD5, which every Java SE platform must have", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * The JDK's RSA key from a PKCS#1 RSAPrivateKey (two primes, version 0).
     *
     * @param malformed the problem when the DER is not such a key: after decryption, a wrong passphrase
     *     that left valid padding around random bytes
     */
    private static RSAPrivateCrtKey key(byte[] der, KeyProblem malformed) throws KeyProblem {
        RSAPrivateCrtKeySpec spec;
        try {
            Der key = Der.sequence(der);
            if (key.integer().signum() != 0) {
                throw malformed;
            }
            BigInteger[] fields = new BigInteger[8];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = key.integer();
            }
            key.end();
            spec = new RSAPrivateCrtKeySpec(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5],
                    fields[6], fields[7]);
        } catch (Der.Malformed e) {
            throw malformed;
        } finally {
            Arrays.fill(der, (byte) 0);
        }
        try {
            return PrivateKeys.checkSize((RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(spec));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw malformed;
        }
    }
}
