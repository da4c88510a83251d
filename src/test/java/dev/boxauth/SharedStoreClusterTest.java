package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three instances of an application, each in a JVM of its own with a Hazelcast member joined over TCP on
 * loopback, 32 threads each asking for tokens without pause while the emulator's tokens live 4 s: together
 * they make one token request per expiry, and every token requested is used.
 */
class SharedStoreClusterTest {

    private static final int NODES = 3;
    private static final int THREADS = 32;
    private static final long SECONDS = 16;
    private static final Duration LIFETIME = Duration.ofSeconds(4);

    @Test
    @Timeout(180)
    void threeJvmsOfThirtyTwoThreads_makeOneTokenRequestPerExpiryTogether() throws Exception {
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.createJwtApp();
            box.tokenLifetime(LIFETIME);
            List<Integer> ports = freePorts(NODES);
            String members = ports.stream().map(String::valueOf).collect(Collectors.joining(","));
            List<Process> nodes = new ArrayList<>();
            try {
                for (int port : ports) {
                    ProcessBuilder node = new ProcessBuilder(javaCommand(String.valueOf(port), members,
                            String.valueOf(SECONDS), String.valueOf(THREADS)))
                            .redirectError(ProcessBuilder.Redirect.DISCARD);
                    node.environment().put("BOX_AUTH_CONFIG", app.configJson());
                    node.environment().put("BOX_AUTH_TOKEN_URL", box.tokenUrl());
                    node.environment().put("BOX_AUTH_STORE_KEYS", "k1:" + Base64.getEncoder().encodeToString(new byte[32]));
                    nodes.add(node.start());
                }
                List<BufferedReader> outputs = new ArrayList<>();
                for (Process node : nodes) {
                    BufferedReader output = node.inputReader(StandardCharsets.UTF_8);
                    assertThat(output.readLine()).isEqualTo("ready"); // blocks until the node's cluster formed
                    outputs.add(output);
                }
                for (Process node : nodes) {
                    node.outputWriter(StandardCharsets.UTF_8).append("go\n").flush();
                }
                Set<String> used = new HashSet<>();
                for (int i = 0; i < nodes.size(); i++) {
                    List<String> lines = outputs.get(i).lines().toList();
                    assertThat(nodes.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(nodes.get(i).exitValue()).isZero();
                    assertThat(lines.get(0)).matches("calls=\\d+ failures=0");
                    lines.stream().filter(l -> l.startsWith("token=")).forEach(l -> used.add(l.substring(6)));
                }
                int requests = box.tokenRequests();
                System.out.printf("Cluster: %d JVMs x %d threads, %d s, tokens living %d s: %d token requests,"
                        + " %d tokens used%n", NODES, THREADS, SECONDS, LIFETIME.toSeconds(), requests, used.size());
                // A token turns stale after half its life, less up to 10 % jitter: one request per 2 s or so.
                assertThat(requests).isBetween((int) (SECONDS / LIFETIME.toSeconds()),
                        (int) (SECONDS * 2 / LIFETIME.toSeconds() * 1.15) + 2);
                assertThat(used).hasSize(requests);
            } finally {
                nodes.forEach(Process::destroyForcibly);
            }
        }
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
