package dev.boxauth.it;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server of the build's Liberty runtime (failsafe's {@code liberty.wlpHome}) that a test starts and stops
 * itself with Liberty's {@code bin/server}, where Arquillian, which manages one server, cannot serve. Its
 * output stays in its own logs, never in Maven's. Public for the benchmarks (src/bench), which time
 * deployments on a server of their own.
 */
public final class LibertyServer {

    private static final Duration COMMAND = Duration.ofMinutes(3);

    private final String name;
    private final int httpPort;

    private LibertyServer(String name, int httpPort) {
        this.name = name;
        this.httpPort = httpPort;
    }

    /**
     * Starts the server {@code name}, which the build created with {@code httpPort}, with Liberty's start
     * {@code options} (such as {@code --clean}); returns once it runs.
     */
    public static LibertyServer start(String name, int httpPort, String... options)
            throws IOException, InterruptedException {
        LibertyServer server = new LibertyServer(name, httpPort);
        server.run("start", options);
        return server;
    }

    /**
     * Waits, at most {@code timeout}, until the application {@code application} has started; fails at once
     * when it failed to.
     */
    void awaitApplication(String application, Duration timeout) throws InterruptedException {
        awaitMessage("CWWKZ0001I: Application " + application + " started", 0, timeout);
    }

    /**
     * Waits, at most {@code timeout}, until {@link #messages()} past its first {@code from} characters holds
     * {@code message}, and returns the line that does; fails at once when an application failed to start.
     */
    public String awaitMessage(String message, int from, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String messages = messages();
            messages = messages.substring(Math.min(from, messages.length()));
            int at = messages.indexOf(message);
            if (at >= 0) {
                int end = messages.indexOf('\n', at);
                return messages.substring(messages.lastIndexOf('\n', at) + 1, end < 0 ? messages.length() : end);
            }
            if (messages.contains("CWWKZ0002E") || messages.contains("CWWKZ0004E")) {
                throw new AssertionError("an application failed to start on " + name + " while waiting for \""
                        + message + "\"; see " + logs());
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not say \"" + message + "\" within " + timeout + "; see " + logs());
    }

    /** Where the server serves the application at {@code contextRoot}. */
    public URL url(String contextRoot) {
        try {
            return URI.create("http://localhost:" + httpPort + "/" + contextRoot + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** What the server has said at INFO and above since it started (Liberty starts a new messages.log then). */
    public String messages() {
        return logsByName().get("messages.log");
    }

    /** Each log file of this start by name, as text. */
    Map<String, String> logsByName() {
        return TestServer.libertyLogs(name);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The folder whose applications the server deploys as they come and undeploys as they go. */
    public Path dropins() {
        return logs().resolveSibling("dropins");
    }

    /** Stops the server and waits until it has. */
    public void stop() throws IOException, InterruptedException {
        run("stop");
    }

    private Path logs() {
        return TestServer.libertyLogDirectory(name);
    }

    /**
     * Runs {@code bin/server <action> <name> <options>} on this JVM's Java. Its output goes to a file next to
     * the server's logs rather than a pipe, which the server it starts could hold open.
     */
    private void run(String action, String... options) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("liberty.wlpHome"), "bin", "server");
        Path output = Files.createDirectories(logs()).resolve("server-" + action + ".out");
        List<String> command = new ArrayList<>(List.of(script.toString(), action, name));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server " + action + " " + name + " did not finish within " + COMMAND);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("server " + action + " " + name + " ended with " + process.exitValue() + ": "
                    + Files.readString(output, StandardCharsets.UTF_8) + "; see " + logs());
        }
    }
}
