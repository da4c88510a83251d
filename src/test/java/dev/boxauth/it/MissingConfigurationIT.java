package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.TokenResource;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An application that injects the provider but configures no Box app fails at deployment, saying what to set. */
@ExtendWith(ArquillianExtension.class)
class MissingConfigurationIT extends LibertyIT {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive deployment() {
        return war("unconfigured", Map.of(), ItApplication.class, TokenResource.class);
    }

    @Test
    void theDeploymentFails_namingThePropertiesToSet() {
        assertThat(serverLog("messages.log")).contains("BOXAUTH-019 box.auth.config-file: no Box app is configured");
    }
}
