package dev.boxauth.demo.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** Stops the embedded emulator with the application. */
@ApplicationScoped
public class DemoShutdown {

    void stop(@Observes @Destroyed(ApplicationScoped.class) Object event) {
        for (ConfigSource source : ConfigProvider.getConfig().getConfigSources()) {
            if (source instanceof DemoConfigSource demo && demo.emulator() != null) {
                demo.emulator().close();
            }
        }
    }
}
