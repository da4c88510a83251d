package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.it.app.BoxUsersApi;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.MeResource;
import dev.boxauth.it.app.TokenResource;
import java.io.File;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Open Liberty servers serving the same application with {@code box.auth.store=jcache}, JCache and
 * Hazelcast 5 given to it by a shared library rather than its WAR (liberty/it-cluster.xml), one Hazelcast
 * member per server joined over TCP on loopback (liberty/hazelcast-it-cluster.xml). One emulator plays Box
 * for both, as Box would for a cluster behind a load balancer. The test starts and stops the servers itself
 * (Arquillian manages one server), in its own failsafe execution (pom.xml, liberty-cluster-integration-test).
 */
class LibertyClusterIT extends ServerIT {

    private static final String APPLICATION = "cluster";
    private static final Duration START = Duration.ofMinutes(3);

    private static BoxEmulator box;
    private static String storeKey;
    private static final List<LibertyServer> servers = new ArrayList<>();

    @BeforeAll
    static void startThePair() throws Exception {
        box = emulatorWithFixtureApp(0);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        storeKey = Base64.getEncoder().encodeToString(key);
        Map<String, String> config = new LinkedHashMap<>(configFor(box));
        config.put("box.auth.store", "jcache");
        config.put("box.auth.store.keys", "k1:" + storeKey);
        File war = new File(System.getProperty("it.cluster.war"));
        war.getParentFile().mkdirs();
        war(APPLICATION, config, ItApplication.class, TokenResource.class, MeResource.class, BoxUsersApi.class)
                .as(ZipExporter.class).exportTo(war, true);

        // One after the other: the second member joins the first's cluster rather than both forming their own.
        for (String server : System.getProperty("it.cluster.servers").split(",")) {
            String[] nameAndPort = server.split(":");
            servers.add(LibertyServer.start(nameAndPort[0], Integer.parseInt(nameAndPort[1])));
            servers.get(servers.size() - 1).awaitApplication(APPLICATION, START);
        }
    }

    @AfterAll
    static void stopThePair() throws Exception {
        try {
            for (int i = servers.size() - 1; i >= 0; i--) {
                servers.get(i).stop();
            }
            for (LibertyServer server : servers) {
                assertLogsHoldNoSecret(server.logsByName(), box, List.of(storeKey));
            }
        } finally {
            box.close();
        }
    }

    @Test
    void theAppsToken_isRequestedOnceForThePair_andOnceMoreAfterBoxRevokesIt() {
        for (LibertyServer server : servers) {
            assertThat(get(server.url(APPLICATION), "api/token").statusCode()).as("a token on %s", server).isEqualTo(200);
        }
        assertThat(servers.get(1).messages()).as("the second server's member joined the first's")
                .contains("Members {size:2");
        assertThat(box.tokenRequests()).as("token requests for both servers' first use").isEqualTo(1);

        box.revokeAccessTokens();

        for (LibertyServer server : servers) {
            assertThat(callBox(server).statusCode()).as("Box's answer through %s", server).isEqualTo(200);
        }
        assertThat(box.tokenRequests()).as("token requests after Box revoked the shared token").isEqualTo(2);
    }

    @Test
    void eachServerSaysAtStartup_thatItSharesTokensThroughTheJCacheCache() {
        for (LibertyServer server : servers) {
            String startup = server.messages().lines().filter(line -> line.contains("Box app (default): method"))
                    .findFirst().orElse("no startup line");
            assertThat(startup).as("%s's startup line", server)
                    .containsPattern("; tokens shared through the JCache cache 'box-auth-tokens' of \\S+$");
        }
    }

    /**
     * Box's {@code /users/me} through {@code server}'s Rest Client, asked again after a 502: the call whose
     * token Box had revoked, whose 401 makes the server drop it.
     */
    private static HttpResponse<String> callBox(LibertyServer server) {
        HttpResponse<String> me = get(server.url(APPLICATION), "api/me/rest-client");
        return me.statusCode() == 502 ? get(server.url(APPLICATION), "api/me/rest-client") : me;
    }
}
