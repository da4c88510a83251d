package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.PlainResource;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An application with the library but no box.auth.* property and no injection deploys as if it were not there. */
@ExtendWith(ArquillianExtension.class)
class UntouchedApplicationIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return war("untouched", Map.of(), ItApplication.class, PlainResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void itDeploysAndServes() {
        assertThat(get(base, "api/plain").body()).isEqualTo("untouched");
    }
}
