package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.emulator.OAuthApp;
import dev.boxauth.testing.ForkedJava;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metrics are optional: an application without {@code io.opentelemetry:opentelemetry-api} (box-auth
 * declares it {@code provided}) loads box-auth, builds a provider and gets tokens, and starts an OAuth 2.0
 * sign-in, as before.
 */
class WithoutOpenTelemetryTest {

    @Test
    void aProviderAndOAuth_onTheRuntimeClasspathWithoutOpenTelemetry_work() throws Exception {
        assertThat(ForkedJava.runtimeClasspath()).map(entry -> Path.of(entry).getFileName().toString())
                .noneMatch(name -> name.startsWith("opentelemetry-"));
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.createJwtApp();
            String userId = app.createUser("Ada Lovelace").id();

            OAuthApp oauth = box.createOAuthApp("http://localhost:9/callback");

            ForkedJava.Result result = ForkedJava.run(WithoutOpenTelemetryProgram.class.getName(), Map.of(
                    "BOX_AUTH_CONFIG", app.configJson(), "BOX_AUTH_TOKEN_URL", box.tokenUrl(), "BOX_USER_ID", userId,
                    "BOX_OAUTH_CLIENT_ID", oauth.clientId(), "BOX_OAUTH_CLIENT_SECRET", oauth.clientSecret()));

            assertThat(result.stdout()).isEqualTo("tokens obtained without OpenTelemetry" + System.lineSeparator());
            assertThat(result.stderr()).doesNotContain("Exception").doesNotContain("Error");
            assertThat(result.exitCode()).isZero();
            assertThat(box.tokenRequests("urn:ietf:params:oauth:grant-type:jwt-bearer")).isEqualTo(2);
        }
    }
}
