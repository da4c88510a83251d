package dev.boxauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.boxauth.it.smoke.Greeter;
import dev.boxauth.it.smoke.Greeting;
import dev.boxauth.it.smoke.GreetingResource;
import dev.boxauth.it.smoke.SmokeApplication;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the Liberty + Arquillian plumbing: a WAR with a CDI bean and a JAX-RS resource deploys to the
 * managed server, answers over HTTP, and in-container tests get CDI injection.
 *
 * <p>In-container tests run inside Liberty, where only JUnit travels with the archive, so this class
 * uses JUnit's assertions rather than AssertJ.
 */
@ExtendWith(ArquillianExtension.class)
class LibertySmokeIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "smoke.war")
                .addClasses(SmokeApplication.class, Greeter.class, Greeting.class, GreetingResource.class);
    }

    /** The deployed application's base URL, such as http://localhost:PORT/smoke/. */
    @ArquillianResource
    URL base;

    @Inject
    Greeter greeter;

    @Test
    @RunAsClient
    void resourceAnswersOverHttp() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/greeting/box"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response::body);
        assertEquals("{\"message\":\"hello from Liberty, box\"}", response.body());
    }

    @Test
    void beanIsInjectedInContainer() {
        assertEquals(new Greeting("hello from Liberty, test"), greeter.greet("test"));
    }
}
