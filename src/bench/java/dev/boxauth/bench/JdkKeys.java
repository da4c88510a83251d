package dev.boxauth.bench;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** An AES-encrypted PKCS#8 PEM key (PBES2) read with the JDK alone: the baselines' key. */
final class JdkKeys {

    private JdkKeys() {
    }

    static PrivateKey decrypt(String pem, char[] passphrase) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) ENCRYPTED PRIVATE KEY-----", ""));
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        // For PBES2 the parameters name the whole scheme, such as PBEWithHmacSHA256AndAES_256.
        String scheme = info.getAlgParameters().toString();
        Cipher cipher = Cipher.getInstance(scheme);
        cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(scheme)
                .generateSecret(new PBEKeySpec(passphrase)), info.getAlgParameters());
        return KeyFactory.getInstance("RSA").generatePrivate(info.getKeySpec(cipher));
    }
}
