package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.MicroDeployerResource;
import dev.boxauth.it.app.ServerProbeResource;
import dev.boxauth.it.app.TokenResource;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application that uses the library, deployed and undeployed ten times on one running server, as
 * redeploys during development and rolling updates do: each deployment gets its token, and afterwards
 * the server holds no thread of box-auth and no JCE provider it did not have before.
 */
@ExtendWith(ArquillianExtension.class)
class RedeployIT extends ServerIT {

    private static final String APP = "redeployed";
    private static final int REDEPLOYS = 10;

    private static BoxEmulator box;
    private static WebArchive redeployed;

    /**
     * A second application that stays deployed, without the library, to look at the server (and, on
     * Payara Micro, to deploy the other one: {@link TestServer#deployOnRunningServer}).
     */
    @Deployment(name = "probe", testable = false, order = 1)
    static WebArchive probe() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "probe.war").addClasses(ItApplication.class,
                ServerProbeResource.class);
        return SERVER == TestServer.PAYARA ? probe.addClass(MicroDeployerResource.class) : probe;
    }

    @Deployment(name = APP, managed = false, testable = false, order = 2)
    static WebArchive redeployed() {
        box = emulatorWithFixtureApp(0);
        redeployed = war(APP, configFor(box), ItApplication.class, TokenResource.class);
        return redeployed;
    }

    @AfterAll
    static void stop() {
        assertServerLogsHoldNoSecret(box);
        box.close();
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("probe")
    URL probe;

    @Test
    void tenRedeploys_eachGetAToken_andLeaveNoThreadNorJceProviderBehind() throws Exception {
        String providersBefore = get(probe, "api/probe/providers").body();
        String messagesBefore = serverLog();
        URL app = new URL(probe.getProtocol(), probe.getHost(), probe.getPort(), "/" + APP + "/");

        for (int i = 0; i < REDEPLOYS; i++) {
            SERVER.deployOnRunningServer(deployer, APP, redeployed, probe);
            assertThat(get(app, "api/token").statusCode()).as("deployment %d", i + 1).isEqualTo(200);
            SERVER.undeployFromRunningServer(deployer, APP, probe);
        }

        assertThat(box.tokenRequests()).isEqualTo(REDEPLOYS);
        assertThat(get(probe, "api/probe/providers").body()).isEqualTo(providersBefore);
        assertThat(get(probe, "api/probe/threads?named=box-auth&waitMillis=10000").body()).isEmpty();
        String messages = serverLog().substring(messagesBefore.length());
        assertThat(messages).as("no error or warning").doesNotContainPattern(SERVER.errorOrWarning());
        assertThat(messages.split(SERVER.applicationStarted(), -1)).as("applications started").hasSize(REDEPLOYS + 1);
    }
}
