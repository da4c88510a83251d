package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime library never loads the emulator, which ships in its own jar (and in the check command's,
 * with {@code dev.boxauth.cli}, which the library jar leaves out too), and only the container layer
 * ({@code jaxrs}, {@code cdi}, {@code internal.cdi}) uses Jakarta EE or MicroProfile types, and only
 * {@code internal.otel} and the builders' options OpenTelemetry's.
 */
class PackagingTest {

    private static final Path CLASSES = Path.of("target/classes/dev/boxauth");

    @Test
    void noLibraryClassRefersToTheEmulator() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            List<Path> offenders = files
                    .filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !f.startsWith(CLASSES.resolve("emulator")) && !f.startsWith(CLASSES.resolve("cli")))
                    .filter(PackagingTest::mentionsEmulator)
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void theEmulatorUsesNothingButTheJdk() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES.resolve("emulator"))) {
            List<Path> offenders = files
                    .filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> {
                        String text = read(f);
                        return text.contains("org/jose4j")
                                || text.replace("dev/boxauth/emulator", "").contains("dev/boxauth/");
                    })
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    /** Keys are read with the JDK alone: no Bouncy Castle for users to carry, or for a server to scan. */
    @Test
    void noLibraryClassRefersToBouncyCastle() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            List<Path> offenders = files
                    .filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> read(f).contains("org/bouncycastle"))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void theCoreUsesNoContainerType() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            List<Path> offenders = files
                    .filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !f.startsWith(CLASSES.resolve("jaxrs")) && !f.startsWith(CLASSES.resolve("cdi"))
                            && !f.startsWith(CLASSES.resolve("internal/cdi")))
                    .filter(f -> {
                        String text = read(f);
                        return text.contains("jakarta/") || text.contains("org/eclipse/microprofile");
                    })
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    /** OpenTelemetry is optional: only its own package and the builders' options name its types. */
    @Test
    void onlyTheOpenTelemetryPackageAndTheBuildersOptionsNameOpenTelemetry() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            List<Path> offenders = files
                    .filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !f.startsWith(CLASSES.resolve("internal/otel"))
                            && !f.equals(CLASSES.resolve("BoxAuth$Builder.class"))
                            && !f.getFileName().toString().startsWith("BoxOAuthConfig"))
                    .filter(f -> read(f).contains("io/opentelemetry"))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static boolean mentionsEmulator(Path classFile) {
        return read(classFile).contains("dev/boxauth/emulator");
    }

    private static String read(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
