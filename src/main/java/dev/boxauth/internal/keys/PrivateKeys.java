package dev.boxauth.internal.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Set;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptor;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import dev.boxauth.internal.keys.KeyProblem.Kind;

/**
 * Reads the app's RSA private key from PEM text in every form a Box user can have: PKCS#8 encrypted
 * (PBES2 with 3DES or AES, as the Developer Console and OpenSSL 3 write it), PKCS#1 encrypted the
 * traditional OpenSSL way ({@code Proc-Type: 4,ENCRYPTED}), and unencrypted PKCS#8 or PKCS#1.
 */
public final class PrivateKeys {

    static final int MIN_BITS = 2048;

    /**
     * Handed to each BouncyCastle builder, never registered in {@code java.security.Security}: a registered
     * provider outlives a redeploy in an application server and pins the old class loader.
     */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    /**
     * The DEK-Info ciphers of traditional encrypted keys that we decrypt: those {@code openssl genrsa} and
     * {@code openssl rsa} offer for real use. Checked before decrypting, because BouncyCastle reports an
     * unknown cipher and a wrong passphrase with the same exception.
     */
    private static final Set<String> TRADITIONAL_CIPHERS =
            Set.of("DES-EDE3-CBC", "DES-CBC", "AES-128-CBC", "AES-192-CBC", "AES-256-CBC");

    private PrivateKeys() {
    }

    /**
     * Reads an RSA private key from PEM text. Text around the PEM block, indentation, Windows line ends and
     * newlines written as the two characters {@code \n} (a key pasted into an environment variable) are
     * accepted. The passphrase is ignored for an unencrypted key; no reference to it is kept.
     *
     * @param pem the PEM text, not null
     * @param passphrase may be null or empty for an unencrypted key
     * @throws KeyProblem if the key cannot be read or is not an RSA key of 2048 bits or more
     */
    public static RSAPrivateCrtKey read(String pem, char[] passphrase) throws KeyProblem {
        Object found = findPrivateKey(normalize(pem));
        return toRsa(decrypt(found, passphrase));
    }

    /** The public half, for tests and the emulator's registration. */
    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's RSA key factory rejected an RSA public key", e);
        }
    }

    private static String normalize(String pem) {
        // Base64 and PEM headers never contain a backslash, so a literal \n or \r is always a mangled line end.
        String unescaped = pem.replace("\\r", "").replace("\\n", "\n");
        // PEMParser only finds a BEGIN line that starts in the first column.
        return unescaped.lines().map(String::strip).collect(Collectors.joining("\n"));
    }

    private static Object findPrivateKey(String pem) throws KeyProblem {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo || o instanceof PEMKeyPair
                        || o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
                    return o;
                }
                // Anything else (the EC PARAMETERS block `openssl ecparam -genkey` writes first, a certificate
                // in a bundle) is not the key: keep looking.
            }
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports bad Base64 and bad DER with unchecked exceptions as well as IOException.
            throw notPem();
        }
        throw notPem();
    }

    private static PrivateKeyInfo decrypt(Object found, char[] passphrase) throws KeyProblem {
        if (found instanceof PrivateKeyInfo info) {
            return info;
        }
        if (found instanceof PEMKeyPair pair) {
            return pair.getPrivateKeyInfo();
        }
        if (passphrase == null || passphrase.length == 0) {
            throw new KeyProblem(Kind.PASSPHRASE_REQUIRED, "the private key is encrypted and no passphrase was given");
        }
        if (found instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            return decryptPkcs8(encrypted, passphrase);
        }
        return decryptTraditional((PEMEncryptedKeyPair) found, passphrase);
    }

    private static PrivateKeyInfo decryptPkcs8(PKCS8EncryptedPrivateKeyInfo encrypted, char[] passphrase)
            throws KeyProblem {
        InputDecryptor decryptor;
        try {
            decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE)
                    .build(passphrase).get(encrypted.getEncryptionAlgorithm());
        } catch (OperatorCreationException | RuntimeException e) {
            // get() derives the key and sets up the cipher without reading the data, so any passphrase
            // works here and a failure means the scheme is unknown. BouncyCastle throws unchecked
            // exceptions for some unknown schemes (an unexpected KDF or cipher).
            throw unsupportedEncryption();
        }
        try (InputStream in = decryptor.getInputStream(new ByteArrayInputStream(encrypted.getEncryptedData()))) {
            return PrivateKeyInfo.getInstance(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            // A wrong passphrase mostly shows as bad padding, but about one time in 256 the padding comes out
            // valid and the "key" is random bytes that fail as DER: both mean the passphrase is wrong.
            throw wrongPassphrase();
        }
    }

    private static PrivateKeyInfo decryptTraditional(PEMEncryptedKeyPair encrypted, char[] passphrase)
            throws KeyProblem {
        if (!TRADITIONAL_CIPHERS.contains(encrypted.getDekAlgName())) {
            throw unsupportedEncryption();
        }
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE)
                    .build(passphrase)).getPrivateKeyInfo();
        } catch (IOException | RuntimeException e) {
            // As for PKCS#8: bad padding or, with valid padding by chance, garbage instead of an RSA key.
            throw wrongPassphrase();
        }
    }

    private static RSAPrivateCrtKey toRsa(PrivateKeyInfo info) throws KeyProblem {
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            throw new KeyProblem(Kind.NOT_RSA,
                    "the private key is not an RSA key; Box JWT apps need an RSA key of " + MIN_BITS + " bits or more");
        }
        PrivateKey key;
        try {
            // No provider set: the JDK's own RSA key class, so signing with it never needs BouncyCastle.
            key = new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw notPem();
        }
        // The JDK returns a key without CRT parameters only when they are missing, and without them
        // there is no public exponent to register the public half with.
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw notPem();
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_BITS) {
            throw KeyProblem.tooShort(bits);
        }
        return rsa;
    }

    private static KeyProblem notPem() {
        return new KeyProblem(Kind.NOT_PEM, "no readable PEM private key; expected a block beginning "
                + "-----BEGIN ENCRYPTED PRIVATE KEY-----, -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----");
    }

    private static KeyProblem wrongPassphrase() {
        return new KeyProblem(Kind.WRONG_PASSPHRASE, "the passphrase does not decrypt the private key");
    }

    private static KeyProblem unsupportedEncryption() {
        return new KeyProblem(Kind.UNSUPPORTED_ENCRYPTION, "the private key is encrypted with a scheme box-auth "
                + "cannot decrypt; re-encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc`");
    }
}
