package dev.boxauth.internal.otel;

import dev.boxauth.oauth.BoxOAuthConfig;
import io.opentelemetry.api.OpenTelemetry;

/** Passes an OpenTelemetry found by reflection to the OAuth 2.0 configuration, whose option is typed. */
public final class OpenTelemetryOption {

    private OpenTelemetryOption() {
    }

    /** @param openTelemetry an {@link OpenTelemetry} */
    public static BoxOAuthConfig.Builder set(BoxOAuthConfig.Builder config, Object openTelemetry) {
        return config.openTelemetry((OpenTelemetry) openTelemetry);
    }
}
