package dev.boxauth.internal.keys;

/**
 * A private key that cannot be used, and why. The configuration layer turns it into a {@code BOXAUTH-0nn}
 * message naming the property; the message here never holds the PEM text, the passphrase or any key
 * material, and no cause is chained, so no crypto provider's text reaches a log.
 */
public final class KeyProblem extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the key. */
    public enum Kind {
        /** No readable PEM private key: not PEM, truncated, a public key only, or an unknown PEM type. */
        NOT_PEM,
        /** The key is encrypted and the passphrase is null or empty. */
        PASSPHRASE_REQUIRED,
        /** The passphrase does not decrypt the key. */
        WRONG_PASSPHRASE,
        /** The key is not an RSA key (EC, Ed25519, DSA…). */
        NOT_RSA,
        /** The RSA key is shorter than 2048 bits; {@link #bits()} tells its size. */
        TOO_SHORT,
        /** The key is encrypted with a scheme or cipher box-auth cannot decrypt. */
        UNSUPPORTED_ENCRYPTION
    }

    private final Kind kind;

    /** The key size for {@link Kind#TOO_SHORT}, so the config message can say "1024 bits"; else 0. */
    private final int bits;

    KeyProblem(Kind kind, String message) {
        this(kind, message, 0);
    }

    private KeyProblem(Kind kind, String message, int bits) {
        super(message);
        this.kind = kind;
        this.bits = bits;
    }

    static KeyProblem tooShort(int bits) {
        return new KeyProblem(Kind.TOO_SHORT,
                "the RSA private key has " + bits + " bits; Box needs " + PrivateKeys.MIN_BITS + " or more", bits);
    }

    public Kind kind() {
        return kind;
    }

    /** The key size for {@link Kind#TOO_SHORT}, else 0. */
    public int bits() {
        return bits;
    }
}
