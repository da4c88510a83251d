package dev.boxauth.internal.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.boxauth.internal.keys.KeyProblem.Kind;

/**
 * Reads the app's RSA private key from PEM text in every form a Box user can have, with the JDK alone:
 * PKCS#8 encrypted (PBES2 with 3DES or AES, as the Developer Console and OpenSSL 3 write it, or OpenSSL
 * 1.0's PBES1) or not ({@link Pkcs8Keys}), and PKCS#1 encrypted the traditional OpenSSL way
 * ({@code Proc-Type: 4,ENCRYPTED}) or not ({@link Pkcs1Keys}).
 */
public final class PrivateKeys {

    static final int MIN_BITS = 2048;

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

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
        List<String> lines = normalize(pem);
        for (int i = 0; i < lines.size(); i++) {
            Matcher begin = BEGIN.matcher(lines.get(i));
            if (!begin.matches()) {
                continue;
            }
            String label = begin.group(1);
            switch (label) {
                case "PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> {
                    PemBlock block = PemBlock.read(lines, i + 1, label);
                    if (!block.headers().isEmpty()) {
                        throw notPem();
                    }
                    return Pkcs8Keys.read(label, block.der(), passphrase);
                }
                case "RSA PRIVATE KEY" -> {
                    return Pkcs1Keys.read(PemBlock.read(lines, i + 1, label), passphrase);
                }
                case "EC PRIVATE KEY", "DSA PRIVATE KEY" -> throw notRsa();
                default -> {
                    if (label.endsWith("PRIVATE KEY")) {
                        throw notPem();
                    }
                    // Anything else (the EC PARAMETERS block `openssl ecparam -genkey` writes first, a
                    // certificate in a bundle) is not the key: keep looking.
                }
            }
        }
        throw notPem();
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

    /** The stripped lines of the text, with line ends written as {@code \n} or {@code \r} turned into real ones. */
    private static List<String> normalize(String pem) {
        // Base64 and PEM headers never contain a backslash, so a literal \n or \r is always a mangled line end.
        String unescaped = pem.replace("\\r", "").replace("\\n", "\n");
        return unescaped.lines().map(String::strip).toList();
    }

    static RSAPrivateCrtKey checkSize(RSAPrivateCrtKey key) throws KeyProblem {
        int bits = key.getModulus().bitLength();
        if (bits < MIN_BITS) {
            throw KeyProblem.tooShort(bits);
        }
        return key;
    }

    static KeyProblem notPem() {
        return new KeyProblem(Kind.NOT_PEM, "no readable PEM private key; expected a block beginning "
                + "-----BEGIN ENCRYPTED PRIVATE KEY-----, -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----");
    }

    static KeyProblem notRsa() {
        return new KeyProblem(Kind.NOT_RSA,
                "the private key is not an RSA key; Box JWT apps need an RSA key of " + MIN_BITS + " bits or more");
    }

    static KeyProblem passphraseRequired() {
        return new KeyProblem(Kind.PASSPHRASE_REQUIRED, "the private key is encrypted and no passphrase was given");
    }

    static KeyProblem wrongPassphrase() {
        return new KeyProblem(Kind.WRONG_PASSPHRASE, "the passphrase does not decrypt the private key");
    }

    static KeyProblem unsupportedEncryption() {
        return new KeyProblem(Kind.UNSUPPORTED_ENCRYPTION, "the private key is encrypted with a scheme box-auth "
                + "cannot decrypt; re-encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc`");
    }
}
