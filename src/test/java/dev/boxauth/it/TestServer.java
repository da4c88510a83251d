package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The server the integration tests run on, chosen by the failsafe execution (system property
 * {@code it.server}), and the little that differs between the two: where each writes its log.
 */
enum TestServer {

    /** One Open Liberty for the whole run; Arquillian deploys each test class's WAR to it. */
    LIBERTY {
        @Override
        Map<String, String> logs() {
            return libertyLogs(System.getProperty("liberty.serverName"));
        }

        @Override
        String messages() {
            return logs().get("messages.log");
        }

        /** Liberty fails Arquillian's deploy with CDI's DeploymentException (in CWWKZ0002E) as the cause. */
        @Override
        void assertDeploymentFailed(Exception thrown) {
            assertThat(thrown).as("Arquillian's deploy").isNotNull().hasStackTraceContaining("DeploymentException");
        }

        @Override
        void afterFailedDeployment(Deployer deployer, String name) {
        }

        @Override
        void deployOnRunningServer(Deployer deployer, String name, WebArchive archive, URL probe) {
            deployer.deploy(name);
        }

        @Override
        void undeployFromRunningServer(Deployer deployer, String name, URL probe) {
            deployer.undeploy(name);
        }

        /** Liberty's message ids end in E for errors and W for warnings. */
        @Override
        String errorOrWarning() {
            return "[A-Z]{4,5}\\d{4}[EW]:";
        }

        @Override
        String applicationStarted() {
            return "CWWKZ0001I";
        }

        /** Liberty has no JCache provider of its own; an application brings one (a shared library, say). */
        @Override
        boolean hasJCache() {
            return false;
        }

        /** liberty/server.xml enables no concurrent feature (the demo's kernel install has none on Maven Central). */
        @Override
        String refreshExecutor() {
            return "box-auth's own daemon threads (the server has no java:comp/DefaultManagedExecutorService)";
        }
    },

    /**
     * Payara Micro: the adapter starts one Micro per deployment (so per test class) and stops it at
     * undeploy. Every Micro of a failsafe execution logs to the file {@code payara.log} names (Micro's
     * {@code --logtofile}, which appends a generation number to the name).
     */
    PAYARA {
        @Override
        Map<String, String> logs() {
            Path file = Path.of(System.getProperty("payara.log"));
            Map<String, String> texts = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(file.getParent())) {
                files.filter(f -> f.getFileName().toString().startsWith(file.getFileName().toString())
                        && !f.toString().endsWith(".lck")).sorted()
                        .forEach(f -> texts.put(f.getFileName().toString(), read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return texts;
        }

        @Override
        String messages() {
            return String.join("", logs().values());
        }

        /**
         * Micro logs the failed deployment and goes on running with nothing deployed; the adapter, which
         * deploys by starting a Micro, does not notice (it fails only when no Micro starts).
         */
        @Override
        void assertDeploymentFailed(Exception thrown) {
            assertThat(thrown).as("Arquillian's deploy").isNull();
            assertThat(messages()).contains("CDI deployment failure");
        }

        /** The adapter stops the Micro it started at undeploy, whether or not the application deployed. */
        @Override
        void afterFailedDeployment(Deployer deployer, String name) {
            deployer.undeploy(name);
        }

        /** Through the probe application, which asks Micro's runtime (MicroDeployerResource). */
        @Override
        void deployOnRunningServer(Deployer deployer, String name, WebArchive archive, URL probe) {
            HttpRequest put = HttpRequest.newBuilder(URI.create(probe + "api/micro/apps/" + name))
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> archive.as(ZipExporter.class).exportAsInputStream()))
                    .build();
            assertThat(send(put)).as("deploying " + name).isEqualTo(204);
        }

        @Override
        void undeployFromRunningServer(Deployer deployer, String name, URL probe) {
            assertThat(send(HttpRequest.newBuilder(URI.create(probe + "api/micro/apps/" + name)).DELETE().build()))
                    .as("undeploying " + name).isEqualTo(204);
        }

        /** Payara logs the level in brackets (in color, so after an escape sequence). */
        @Override
        String errorOrWarning() {
            return "\\[(\\e\\[[0-9;]*m)?(WARNING|SEVERE)";
        }

        @Override
        String applicationStarted() {
            return "was successfully deployed in";
        }

        /** Payara Micro has Jakarta Concurrency's default executor. */
        @Override
        String refreshExecutor() {
            return "the server's java:comp/DefaultManagedExecutorService";
        }

        /** Payara binds its Hazelcast's JCache manager (payara/CacheManager), even a Micro's with --nohazelcast. */
        @Override
        boolean hasJCache() {
            return true;
        }
    };

    static TestServer current() {
        return valueOf(System.getProperty("it.server", "liberty").toUpperCase(java.util.Locale.ROOT));
    }

    /** Each log file of the server by name, as text; empty text for one the server has not written. */
    abstract Map<String, String> logs();

    /** The log an operator reads: what the server says at INFO and above. */
    abstract String messages();

    /** Asserts what Arquillian's deploy did with a deployment that CDI validation failed. */
    abstract void assertDeploymentFailed(Exception thrown);

    /** Stops whatever a failed deployment left running. */
    abstract void afterFailedDeployment(Deployer deployer, String name);

    /**
     * Deploys {@code archive} (the unmanaged deployment {@code name}) on the server that runs the
     * deployment at {@code probe}, which stays deployed.
     */
    abstract void deployOnRunningServer(Deployer deployer, String name, WebArchive archive, URL probe);

    abstract void undeployFromRunningServer(Deployer deployer, String name, URL probe);

    /** A regular expression that finds an error or a warning in {@link #messages()}. */
    abstract String errorOrWarning();

    /** What {@link #messages()} says each time an application has started. */
    abstract String applicationStarted();

    /** Where the startup line says background refreshes run. */
    abstract String refreshExecutor();

    /** Whether the server gives applications a JCache cache manager of its own. */
    abstract boolean hasJCache();

    private static int send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The logs of the Liberty server {@code serverName} in the build's runtime (failsafe's
     * {@code liberty.wlpHome}): messages.log, what an operator reads, and trace.log, with box-auth's records
     * at every level.
     */
    static Map<String, String> libertyLogs(String serverName) {
        Path logs = libertyLogDirectory(serverName);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("messages.log", read(logs.resolve("messages.log")));
        texts.put("trace.log", read(logs.resolve("trace.log")));
        return texts;
    }

    static Path libertyLogDirectory(String serverName) {
        return Path.of(System.getProperty("liberty.wlpHome"), "usr", "servers", serverName, "logs");
    }

    /** The HTTP port failsafe reserved for this server. */
    int httpPort() {
        return Integer.getInteger("it.http.port");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
