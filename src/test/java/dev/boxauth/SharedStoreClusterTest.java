package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.Browser;
import dev.boxauth.emulator.CcgApp;
import dev.boxauth.emulator.OAuthApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three instances of an application, each in a JVM of its own ({@link SharedStoreNode}) with a Hazelcast
 * member joined over TCP on loopback, 32 threads each asking for tokens without pause while the emulator's
 * tokens live 4 s: together they make one token request per expiry, every token requested is used, and a
 * signed-in user's single-use refresh token is never sent twice.
 */
@Timeout(180)
class SharedStoreClusterTest {

    private static final int NODES = 3;
    private static final int THREADS = 32;
    private static final long SECONDS = 16;
    private static final Duration LIFETIME = Duration.ofSeconds(4);
    private static final String REDIRECT = "http://localhost:9/callback";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jwt", "ccg"})
    void threeJvmsOfThirtyTwoThreads_makeOneTokenRequestPerExpiryTogether(String method) throws Exception {
        try (BoxEmulator box = BoxEmulator.start()) {
            box.tokenLifetime(LIFETIME);
            Map<String, String> environment = new HashMap<>(Map.of("BOX_AUTH_TOKEN_URL", box.tokenUrl()));
            if (method.equals("jwt")) {
                environment.put("BOX_AUTH_CONFIG", box.createJwtApp().configJson());
            } else {
                CcgApp app = box.createCcgApp();
                environment.putAll(Map.of("BOX_AUTH_METHOD", "ccg", "BOX_AUTH_CLIENT_ID", app.clientId(),
                        "BOX_AUTH_CLIENT_SECRET", app.clientSecret(), "BOX_AUTH_ENTERPRISE_ID", app.enterpriseId()));
            }

            Set<String> used;
            try (Cluster cluster = Cluster.start(environment)) {
                used = cluster.herd("go");
            }

            int requests = box.tokenRequests();
            System.out.printf("Cluster (%s): %d JVMs x %d threads, %d s, tokens living %d s: %d token requests,"
                    + " %d tokens used%n", method, NODES, THREADS, SECONDS, LIFETIME.toSeconds(), requests, used.size());
            assertAboutOnePerExpiry(requests);
            assertThat(used).hasSize(requests);
        }
    }

    /**
     * The user signs in once, on the first node, with the test as the browser; then all three nodes' threads
     * call that user's provider.
     */
    @Test
    void threeJvmsOfThirtyTwoThreads_refreshASignedInUsersTokenOncePerExpiryTogether_andNeverReuseARefreshToken()
            throws Exception {
        try (BoxEmulator box = BoxEmulator.start()) {
            box.tokenLifetime(LIFETIME);
            OAuthApp app = box.createOAuthApp(REDIRECT);
            Browser browser = new Browser(box, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());

            Set<String> used;
            try (Cluster cluster = Cluster.start(Map.of("BOX_AUTH_METHOD", "oauth",
                    "BOX_AUTH_CLIENT_ID", app.clientId(), "BOX_AUTH_CLIENT_SECRET", app.clientSecret(),
                    "BOX_AUTH_OAUTH_REDIRECT_URI", REDIRECT, "BOX_AUTH_OAUTH_AUTHORIZE_URL", box.authorizeUrl(),
                    "BOX_AUTH_TOKEN_URL", box.tokenUrl(), "BOX_AUTH_API_URL", box.apiUrl(),
                    "BOX_AUTH_REVOKE_URL", box.revokeUrl(),
                    // A node adopts a peer's new pair only outside the refresh margin, which every 4-s token
                    // is inside with the default 5 min: then each node refreshes for itself, 3 per expiry.
                    "BOX_AUTH_REFRESH_MARGIN", "PT1S"))) {
                URI authorize = URI.create(cluster.ask(0, "sign-in", "authorize "));
                Map<String, String> callback = Browser.query(browser.grant(authorize));
                String user = cluster.ask(0, "callback " + callback.get("code") + " " + callback.get("state"),
                        "signed-in ");
                assertThat(user).isEqualTo(app.signedInUser().id());
                used = cluster.herd("go " + user);
            }

            int refreshes = box.tokenRequests("refresh_token");
            System.out.printf("Cluster (oauth): %d JVMs x %d threads, %d s, tokens living %d s: %d refreshes,"
                    + " %d tokens used, %d refresh tokens reused%n", NODES, THREADS, SECONDS, LIFETIME.toSeconds(),
                    refreshes, used.size(), box.refreshTokenReuse());
            assertAboutOnePerExpiry(refreshes);
            assertThat(box.refreshTokenReuse()).isZero();
            // Every refreshed token was served; so was the sign-in's, unless it turned stale before the herd began.
            assertThat(used).isSubsetOf(box.issuedAccessTokens()).hasSizeBetween(refreshes, refreshes + 1);
        }
    }

    /** A token turns stale after half its life, less up to 10 % jitter: one request per 2 s or so. */
    private static void assertAboutOnePerExpiry(int requests) {
        assertThat(requests).isBetween((int) (SECONDS / LIFETIME.toSeconds()),
                (int) (SECONDS * 2 / LIFETIME.toSeconds() * 1.15) + 2);
    }

    /** The node JVMs, started with the app's configuration in their environment, their cluster formed. */
    private static final class Cluster implements AutoCloseable {

        private final List<Process> nodes = new ArrayList<>();
        private final List<BufferedReader> outputs = new ArrayList<>();

        static Cluster start(Map<String, String> environment) throws IOException {
            Cluster cluster = new Cluster();
            try {
                List<Integer> ports = freePorts(NODES);
                String members = ports.stream().map(String::valueOf).collect(Collectors.joining(","));
                for (int port : ports) {
                    ProcessBuilder node = new ProcessBuilder(javaCommand(String.valueOf(port), members,
                            String.valueOf(SECONDS), String.valueOf(THREADS)))
                            .redirectError(ProcessBuilder.Redirect.DISCARD);
                    // Only this app's configuration: none of the build's own BOX_AUTH_* variables.
                    node.environment().keySet().removeIf(name -> name.startsWith("BOX_AUTH_"));
                    node.environment().putAll(environment);
                    node.environment().put("BOX_AUTH_STORE", "jcache");
                    node.environment().put("BOX_AUTH_STORE_KEYS", "k1:" + Base64.getEncoder().encodeToString(new byte[32]));
                    Process process = node.start();
                    cluster.nodes.add(process);
                    cluster.outputs.add(process.inputReader(StandardCharsets.UTF_8));
                }
                for (BufferedReader output : cluster.outputs) {
                    assertThat(output.readLine()).isEqualTo("ready"); // blocks until the node's cluster formed
                }
                return cluster;
            } catch (IOException | RuntimeException | Error e) {
                cluster.close();
                throw e;
            }
        }

        /** Sends a command to one node and returns its answer, which must start with {@code prefix}, without it. */
        String ask(int node, String command, String prefix) throws IOException {
            send(node, command);
            String answer = outputs.get(node).readLine();
            assertThat(answer).startsWith(prefix);
            return answer.substring(prefix.length());
        }

        /**
         * Sends {@code go} to every node, and returns the tokens their threads were served, once each node
         * has run its herd without a failure and exited.
         */
        Set<String> herd(String go) throws IOException, InterruptedException {
            for (int i = 0; i < nodes.size(); i++) {
                send(i, go);
            }
            Set<String> used = new HashSet<>();
            for (int i = 0; i < nodes.size(); i++) {
                List<String> lines = outputs.get(i).lines().toList();
                assertThat(nodes.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(nodes.get(i).exitValue()).isZero();
                assertThat(lines.get(0)).matches("calls=\\d+ failures=0");
                lines.stream().filter(l -> l.startsWith("token=")).forEach(l -> used.add(l.substring(6)));
            }
            return used;
        }

        private void send(int node, String line) throws IOException {
            nodes.get(node).outputWriter(StandardCharsets.UTF_8).append(line).append('\n').flush();
        }

        @Override
        public void close() {
            nodes.forEach(Process::destroyForcibly);
        }

        private static List<String> javaCommand(String... args) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), SharedStoreNode.class.getName()));
            command.addAll(List.of(args));
            return command;
        }

        private static List<Integer> freePorts(int count) throws IOException {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    sockets.add(new ServerSocket(0));
                }
                return sockets.stream().map(ServerSocket::getLocalPort).toList();
            } finally {
                for (ServerSocket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
