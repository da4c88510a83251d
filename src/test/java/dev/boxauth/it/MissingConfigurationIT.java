package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.TokenResource;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An application that injects the provider but configures no Box app fails at deployment, saying what to set. */
@ExtendWith(ArquillianExtension.class)
class MissingConfigurationIT extends ServerIT {

    private static final String NAME = "unconfigured";

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return war(NAME, Map.of(), ItApplication.class, TokenResource.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void theDeploymentFails_namingThePropertiesToSet() {
        deployFailing(deployer, NAME);

        assertThat(serverLog()).contains("BOXAUTH-019 box.auth.config-file: no Box app is configured",
                "box-auth: this deployment fails, its Box configuration has 1 problem: BOXAUTH-019 box.auth.config-file");
    }
}
