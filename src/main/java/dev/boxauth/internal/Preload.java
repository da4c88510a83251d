package dev.boxauth.internal;

import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;

/**
 * Start-up work that needs no configuration, begun on the common pool while the caller reads the
 * configuration and decrypts the private key: the JVM's default {@link SSLContext} (its trust store read
 * and parsed, a quarter of a cold JVM's first token) and jose4j's algorithm registry (which probes the JCA
 * for every algorithm it knows). Both are JVM-wide and built once, whoever asks first, so the first token
 * request finds them ready instead of building them in turn. Done at most once per class loader.
 */
public final class Preload {

    private static final System.Logger LOG = System.getLogger("dev.boxauth");
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Preload() {
    }

    /** @param defaultTls whether the provider will use the JVM's default SSLContext (none was passed) */
    public static void start(boolean defaultTls) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            AlgorithmFactoryFactory.getInstance();
            if (defaultTls) {
                try {
                    SSLContext.getDefault();
                } catch (GeneralSecurityException e) {
                    // The token request builds the same context and reports the failure to whoever waits for it.
                    LOG.log(Level.DEBUG, "Box auth could not preload the default SSLContext: {0}", e.toString());
                }
            }
        });
    }
}
