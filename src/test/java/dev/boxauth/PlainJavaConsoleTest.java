package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.testing.ForkedJava;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a plain-Java program that uses box-auth prints of its own accord: its one INFO line, and nothing of
 * SLF4J. jose4j logs through {@code slf4j-api}; without the {@code slf4j-jdk14} binding box-auth brings,
 * SLF4J would print its "Failed to load class org.slf4j.impl.StaticLoggerBinder" warning.
 */
class PlainJavaConsoleTest {

    @Test
    void aJwtTokenFetch_onTheRuntimeClasspath_printsNoSlf4jWarning() throws Exception {
        assertThat(ForkedJava.runtimeClasspath()).map(entry -> Path.of(entry).getFileName().toString())
                .anyMatch(name -> name.startsWith("slf4j-api-"))
                .anyMatch(name -> name.startsWith("slf4j-jdk14-"))
                .noneMatch(name -> name.startsWith("slf4j-simple") || name.startsWith("logback"));
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.createJwtApp();

            ForkedJava.Result result = ForkedJava.run(PlainJavaJwtProgram.class.getName(),
                    Map.of("BOX_AUTH_CONFIG", app.configJson(), "BOX_AUTH_TOKEN_URL", box.tokenUrl()));

            assertThat(result.stdout()).isEqualTo("token obtained" + System.lineSeparator());
            // java.util.logging's console handler writes box-auth's INFO "Box auth ready" line to stderr.
            assertThat(result.stderr()).doesNotContain("SLF4J").contains("Box auth ready");
            assertThat(result.exitCode()).isZero();
            assertThat(box.tokenRequests("urn:ietf:params:oauth:grant-type:jwt-bearer")).isEqualTo(1);
        }
    }
}
