package dev.boxauth.demo.web;

import dev.boxauth.emulator.BoxEmulator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** Stops the embedded emulator with the application. */
@ApplicationScoped
public class DemoShutdown {

    /** Found while the application starts: at shutdown its configuration may already be gone. */
    private BoxEmulator emulator;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        for (ConfigSource source : ConfigProvider.getConfig().getConfigSources()) {
            if (source instanceof DemoConfigSource demo && demo.emulator() != null) {
                emulator = demo.emulator();
            }
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (emulator != null) {
            emulator.close();
        }
    }
}
