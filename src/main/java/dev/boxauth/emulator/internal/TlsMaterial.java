package dev.boxauth.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The emulator's bundled TLS key and self-signed certificate (CN=localhost, SAN localhost, 127.0.0.1,
 * ::1; valid 2024-01-01 to 2048-12-31). A throwaway test identity: its password is public on purpose.
 * The fixed start date lies in the past so that a machine whose clock is behind the one that generated
 * the file still accepts the certificate. Regenerate it, from {@code src/main/resources/dev/boxauth/emulator},
 * with:
 *
 * <pre>
 * keytool -genkeypair -alias emulator -keyalg RSA -keysize 2048 -sigalg SHA256withRSA \
 *   -dname "CN=localhost" -ext "SAN=dns:localhost,ip:127.0.0.1,ip:::1" \
 *   -startdate "2024/01/01 00:00:00" -validity 9131 \
 *   -storetype PKCS12 -keystore emulator-tls.p12 \
 *   -storepass box-emulator-test -keypass box-emulator-test
 * </pre>
 */
public final class TlsMaterial {

    private static final String RESOURCE = "/dev/boxauth/emulator/emulator-tls.p12";
    private static final String ALIAS = "emulator";
    private static final char[] PASSWORD = "box-emulator-test".toCharArray();

    private TlsMaterial() {
    }

    /** A server context presenting the bundled certificate. */
    public static SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the emulator's TLS server", e);
        }
    }

    /**
     * A client context that trusts the bundled certificate and nothing else, so a client that
     * accidentally falls back to the JVM's trust store, or trusts everything, is not what a test
     * exercises.
     */
    public static SSLContext clientContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {clientTrustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up trust in the emulator's certificate", e);
        }
    }

    /** The trust manager of {@link #clientContext()}: the bundled certificate and nothing else. */
    public static X509TrustManager clientTrustManager() {
        try {
            Certificate certificate = keyStore().getCertificate(ALIAS);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                trusted.load(null, null);
            } catch (IOException e) {
                // An empty in-memory store reads no stream, so this cannot happen.
                throw new UncheckedIOException(e);
            }
            trusted.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            for (TrustManager manager : trust.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("The JDK's trust manager factory made no X509TrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up trust in the emulator's certificate", e);
        }
    }

    private static KeyStore keyStore() throws GeneralSecurityException {
        try (InputStream in = TlsMaterial.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE + " in the emulator jar");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
