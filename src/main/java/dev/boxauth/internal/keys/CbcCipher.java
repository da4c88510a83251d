package dev.boxauth.internal.keys;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A block cipher in CBC mode with PKCS#5 padding, as both PBES2 (PKCS#8) and traditional OpenSSL keys are
 * encrypted.
 *
 * @param algorithm the JDK's name of the cipher and of its keys
 * @param keyBytes the key's length
 */
record CbcCipher(String algorithm, int keyBytes) {

    static final CbcCipher AES_128 = new CbcCipher("AES", 16);
    static final CbcCipher AES_192 = new CbcCipher("AES", 24);
    static final CbcCipher AES_256 = new CbcCipher("AES", 32);
    static final CbcCipher DES_EDE3 = new CbcCipher("DESede", 24);
    static final CbcCipher DES = new CbcCipher("DES", 8);

    /** @throws GeneralSecurityException mostly bad padding, which a wrong key (passphrase) gives */
    byte[] decrypt(byte[] key, byte[] iv, byte[] data) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(algorithm + "/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, algorithm), new IvParameterSpec(iv));
        return cipher.doFinal(data);
    }
}
