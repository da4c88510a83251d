package dev.boxauth.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The extension runs on servers without MicroProfile Health or Jakarta Concurrency: it looks for each API
 * by name, and only {@link ReadinessCheck} and {@link ApplicationContext}, which it loads after finding
 * them, refer to their classes.
 */
class OptionalApisTest {

    @Test
    void healthAvailable_whenTheLoaderHasTheApi() {
        assertThat(BoxAuthExtension.available(BoxAuthExtension.HEALTH_API, getClass().getClassLoader())).isTrue();
    }

    @Test
    void healthAvailable_not_whenTheLoaderLacksIt() {
        ClassLoader withoutHealth = new ClassLoader(null) { };

        assertThat(BoxAuthExtension.available(BoxAuthExtension.HEALTH_API, withoutHealth)).isFalse();
    }

    @Test
    void theExtensionsOwnClassFiles_referToNoHealthOrConcurrencyClass() throws IOException {
        assertThat(classFile(BoxAuthExtension.class)).doesNotContain("org/eclipse/microprofile/health/");
        assertThat(classFile(BoxTokenProviderProducer.class)).doesNotContain("org/eclipse/microprofile/health/");
        assertThat(classFile(BoxAuthExtension.class)).doesNotContain("jakarta/enterprise/concurrent/");
        assertThat(classFile(BoxTokenProviderProducer.class)).doesNotContain("jakarta/enterprise/concurrent/");
        assertThat(classFile(ReadinessCheck.class)).contains("org/eclipse/microprofile/health/HealthCheck");
    }

    /** The class file as Latin-1 text: its constant pool names every class it refers to. */
    private static String classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
