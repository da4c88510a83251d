package dev.boxauth.internal.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.System.Logger.Level;

/**
 * The server's {@code OpenTelemetry} bean, which MicroProfile Telemetry provides, for box-auth's metrics.
 * Named by reflection, so that an application on a server without OpenTelemetry deploys and runs as
 * before, only without metrics.
 */
final class ServerOpenTelemetry {

    private static final System.Logger LOG = System.getLogger(ServerOpenTelemetry.class.getName());
    private static final String API = "io.opentelemetry.api.OpenTelemetry";

    private ServerOpenTelemetry() {
    }

    /**
     * The bean, or {@code null} where the API is not visible to box-auth (the server has no MicroProfile
     * Telemetry, or hides its API from applications) or no bean resolves.
     */
    static Object find() {
        Class<?> api;
        try {
            // box-auth's own loader: the one that links its OpenTelemetry-backed metrics.
            api = Class.forName(API, false, ServerOpenTelemetry.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.DEBUG, () -> "No " + API + " visible to box-auth: no Box token metrics");
            return null;
        }
        try {
            Instance<?> beans = CDI.current().select(api);
            if (beans.isResolvable()) {
                return beans.get();
            }
            LOG.log(Level.DEBUG, () -> "No resolvable " + API + " bean: no Box token metrics");
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "The " + API + " bean could not be had (" + e.getClass().getSimpleName()
                    + "): no Box token metrics");
        }
        return null;
    }
}
