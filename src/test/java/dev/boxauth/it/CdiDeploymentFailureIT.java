package dev.boxauth.it;

import dev.boxauth.it.broken.NeedsMissingBean;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that a deployment failing CDI validation is reported as CDI's
 * {@link DeploymentException}, the way box-auth will reject a broken configuration.
 * (Arquillian's own {@code org.jboss.arquillian.container.spi.client.container.DeploymentException}
 * does not match here.)
 */
@ExtendWith(ArquillianExtension.class)
class CdiDeploymentFailureIT {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "broken.war")
                .addClasses(NeedsMissingBean.class, NeedsMissingBean.Missing.class);
    }

    @Test
    void deploymentIsRejected() {
        // Arquillian fails this test unless the deployment threw the expected exception.
    }
}
