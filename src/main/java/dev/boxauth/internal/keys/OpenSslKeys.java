package dev.boxauth.internal.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Set;

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

/**
 * The key forms only BouncyCastle reads: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), encrypted the traditional
 * OpenSSL way ({@code Proc-Type: 4,ENCRYPTED}) or not, and whatever PKCS#8 {@link Pkcs8Keys} does not
 * recognise. A class of its own so that BouncyCastle is loaded only when such a key is read.
 */
final class OpenSslKeys {

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

    private OpenSslKeys() {
    }

    /** @param pem normalized PEM text */
    static RSAPrivateCrtKey read(String pem, char[] passphrase) throws KeyProblem {
        return toRsa(decrypt(findPrivateKey(pem), passphrase));
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
            throw PrivateKeys.notPem();
        }
        throw PrivateKeys.notPem();
    }

    private static PrivateKeyInfo decrypt(Object found, char[] passphrase) throws KeyProblem {
        if (found instanceof PrivateKeyInfo info) {
            return info;
        }
        if (found instanceof PEMKeyPair pair) {
            return pair.getPrivateKeyInfo();
        }
        if (passphrase == null || passphrase.length == 0) {
            throw PrivateKeys.passphraseRequired();
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
            throw PrivateKeys.unsupportedEncryption();
        }
        try (InputStream in = decryptor.getInputStream(new ByteArrayInputStream(encrypted.getEncryptedData()))) {
            return PrivateKeyInfo.getInstance(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            // A wrong passphrase mostly shows as bad padding, but about one time in 256 the padding comes out
            // valid and the "key" is random bytes that fail as DER: both mean the passphrase is wrong.
            throw PrivateKeys.wrongPassphrase();
        }
    }

    private static PrivateKeyInfo decryptTraditional(PEMEncryptedKeyPair encrypted, char[] passphrase)
            throws KeyProblem {
        if (!TRADITIONAL_CIPHERS.contains(encrypted.getDekAlgName())) {
            throw PrivateKeys.unsupportedEncryption();
        }
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE)
                    .build(passphrase)).getPrivateKeyInfo();
        } catch (IOException | RuntimeException e) {
            // As for PKCS#8: bad padding or, with valid padding by chance, garbage instead of an RSA key.
            throw PrivateKeys.wrongPassphrase();
        }
    }

    private static RSAPrivateCrtKey toRsa(PrivateKeyInfo info) throws KeyProblem {
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            throw PrivateKeys.notRsa();
        }
        PrivateKey key;
        try {
            // No provider set: the JDK's own RSA key class, so signing with it never needs BouncyCastle.
            key = new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw PrivateKeys.notPem();
        }
        // The JDK returns a key without CRT parameters only when they are missing, and without them
        // there is no public exponent to register the public half with.
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw PrivateKeys.notPem();
        }
        return PrivateKeys.checkSize(rsa);
    }
}
