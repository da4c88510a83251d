package dev.boxauth;

import dev.boxauth.oauth.BoxOAuth;
import dev.boxauth.oauth.BoxOAuthConfig;
import dev.boxauth.oauth.InMemoryBoxTokenStore;

/**
 * A plain-Java program without OpenTelemetry on its class path: run by {@link WithoutOpenTelemetryTest} in
 * its own JVM. It builds a provider with the builder, whose {@code openTelemetry} option names
 * OpenTelemetry's type, and gets the app's token and a user's; then starts an OAuth 2.0 sign-in, whose
 * configuration has the same option. Its configuration comes from {@code BOX_AUTH_CONFIG},
 * {@code BOX_AUTH_TOKEN_URL}, {@code BOX_USER_ID}, {@code BOX_OAUTH_CLIENT_ID} and {@code BOX_OAUTH_CLIENT_SECRET}.
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
        try (BoxOAuth oauth = BoxOAuth.create(BoxOAuthConfig.builder()
                .clientId(System.getenv("BOX_OAUTH_CLIENT_ID"))
                .clientSecret(System.getenv("BOX_OAUTH_CLIENT_SECRET"))
                .redirectUri("http://localhost:9/callback")
                .tokenUrl(System.getenv("BOX_AUTH_TOKEN_URL"))
                .build(), new InMemoryBoxTokenStore())) {
            oauth.startSignIn();
        }
        System.out.println("tokens obtained without OpenTelemetry");
    }
}
