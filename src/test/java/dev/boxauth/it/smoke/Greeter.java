package dev.boxauth.it.smoke;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A CDI bean configured through MicroProfile Config; the value comes from the
 * {@code box.auth.smoke.greeting} variable in liberty/server.xml.
 */
@ApplicationScoped
public class Greeter {

    @Inject
    @ConfigProperty(name = "box.auth.smoke.greeting")
    String greeting;

    public Greeting greet(String name) {
        return new Greeting(greeting + ", " + name);
    }
}
