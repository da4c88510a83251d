package dev.boxauth.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process of a cluster whose members find each other over TCP on loopback only (never
 * multicast), started with a WAR and system properties, its output in a file. Not Arquillian's: its adapter
 * starts one unclustered Micro per deployment.
 */
final class PayaraMicroNode {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int httpPort;
    private final Process process;
    private final Path log;

    private PayaraMicroNode(String name, int httpPort, Process process, Path log) {
        this.name = name;
        this.httpPort = httpPort;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a member.
     *
     * @param dataGridPort this member's Hazelcast port
     * @param members every member's Hazelcast port, this one's included
     * @param systemProperties a properties file, read by Micro into its system properties
     */
    static PayaraMicroNode start(String name, int httpPort, int dataGridPort, List<Integer> members,
            String clusterName, Path war, Path systemProperties) throws IOException {
        Path dir = Path.of("target", "payara", "cluster").toAbsolutePath();
        Path tmp = Files.createDirectories(dir.resolve("tmp-" + name));
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp, "-jar", System.getProperty("payara.microJar"),
                "--port", Integer.toString(httpPort), "--name", name,
                "--clustername", clusterName, "--interfaces", "127.0.0.1",
                "--startport", Integer.toString(dataGridPort),
                "--clustermode", "tcpip:" + String.join(",", members.stream().map(p -> "127.0.0.1:" + p).toList()),
                "--systemproperties", systemProperties.toString(), "--deploy", war.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new PayaraMicroNode(name, httpPort, process, log);
    }

    /** A free port on this machine, for a member's HTTP or Hazelcast port. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The application {@code contextRoot} on this member, at localhost (the host of the redirect URI). */
    String url(String contextRoot) {
        return "http://localhost:" + httpPort + "/" + contextRoot + "/";
    }

    /**
     * Waits, at most {@code timeout}, until {@code url} answers 200 (the application deployed); fails at once
     * when the process ends.
     */
    void awaitServing(String url, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro " + name + " ended; its output: " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the member is still starting
            }
            process.waitFor(1, TimeUnit.SECONDS);
        }
        throw new AssertionError("Payara Micro " + name + " did not serve " + url + " within " + timeout
                + "; its output: " + log);
    }

    /** This member's output so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops the member, forcibly if it does not stop within 30 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
