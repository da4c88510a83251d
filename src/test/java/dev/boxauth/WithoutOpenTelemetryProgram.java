package dev.boxauth;

/**
 * A plain-Java program without OpenTelemetry on its class path: run by {@link WithoutOpenTelemetryTest} in
 * its own JVM. It builds a provider with the builder, whose {@code openTelemetry} option names
 * OpenTelemetry's type, and gets the app's token and a user's. Its configuration comes from
 * {@code BOX_AUTH_CONFIG}, {@code BOX_AUTH_TOKEN_URL} and {@code BOX_USER_ID}.
 */
public final class WithoutOpenTelemetryProgram {

    private WithoutOpenTelemetryProgram() {
    }

    public static void main(String[] args) {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry");
            System.out.println("OpenTelemetry is on the class path");
            return;
        } catch (ClassNotFoundException expected) {
            // What this program is for.
        }
        try (BoxTokenProvider box = BoxAuth.builder()
                .config(System.getenv("BOX_AUTH_CONFIG"))
                .tokenUrl(System.getenv("BOX_AUTH_TOKEN_URL"))
                .build()) {
            box.accessToken();
            box.forUser(System.getenv("BOX_USER_ID")).accessToken();
        }
        System.out.println("tokens obtained without OpenTelemetry");
    }
}
