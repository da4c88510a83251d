package dev.boxauth.bench;

import dev.boxauth.bench.app.ScopedResource;
import dev.boxauth.it.LibertyServer;
import dev.boxauth.it.ServerIT;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.PlainResource;
import dev.boxauth.it.app.TokenResource;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * How long Open Liberty takes to deploy the same small application with box-auth and without. The bench
 * profile creates the server (system properties {@code liberty.wlpHome}, {@code bench.liberty.server},
 * {@code bench.liberty.http.port}; liberty/bench.xml); each deployment drops a WAR into its {@code dropins}
 * folder and removes it once the application serves, the applications in turn so that load on the machine
 * falls on all alike. The figure is Liberty's own, from its message {@code CWWKZ0001I: Application X started
 * in N seconds}, which it logs after CDI has validated the deployment (box-auth's extension included).
 */
final class LibertyDeployment implements AutoCloseable {

    /** The applications compared, in the order of the page; each serves {@code api/plain}. */
    static final List<String> APPLICATIONS = List.of("without-box-auth", "without-box-auth-cdi",
            "box-auth-dependencies", "box-auth-unconfigured", "box-auth-jwt");

    /** How long a deployment or an undeployment may take before the run fails. */
    private static final Duration STEP = Duration.ofMinutes(2);
    private static final Pattern STARTED = Pattern.compile("started in (\\d+(?:\\.\\d+)?) seconds");

    /**
     * Median milliseconds to deploy {@code application} on a server started with an empty workarea, and again
     * on a running server that has deployed it before.
     */
    record Result(String application, double firstMillis, double redeployMillis) {
    }

    private final Path dir;
    private final Map<String, Path> wars = new LinkedHashMap<>();
    private final String server = System.getProperty("bench.liberty.server");
    private final int httpPort = Integer.getInteger("bench.liberty.http.port");

    /** Writes the WARs and the Developer Console file beside the runtime, on the file system of dropins. */
    LibertyDeployment() throws IOException {
        dir = Files.createTempDirectory(Path.of(System.getProperty("liberty.wlpHome")).getParent(), "deploy-");
        Path config = Files.writeString(dir.resolve("box-config.json"), Fixture.configJson());
        write("without-box-auth", ShrinkWrap.create(WebArchive.class).addClasses(ItApplication.class,
                PlainResource.class));
        // Without box-auth but with a CDI bean of its own, as most applications have: Liberty starts CDI for
        // it, which box-auth's extension makes it do for an application that has none.
        write("without-box-auth-cdi", ShrinkWrap.create(WebArchive.class).addClasses(ItApplication.class,
                PlainResource.class, ScopedResource.class));
        WebArchive unconfigured = ServerIT.war("box-auth-unconfigured", Map.of(), ItApplication.class,
                PlainResource.class);
        write("box-auth-unconfigured", unconfigured);
        // The same without box-auth's own jar: what its dependencies alone cost, as Liberty scans every class
        // in WEB-INF/lib.
        unconfigured.delete("/WEB-INF/lib/" + Path.of(System.getProperty("boxauth.jar")).getFileName());
        write("box-auth-dependencies", unconfigured);
        // The defaults but for where the app's file is: the configuration is validated, the key decrypted,
        // and the first token fetched on first use, not while the application deploys.
        write("box-auth-jwt", ServerIT.war("box-auth-jwt", Map.of("box.auth.config-file", config.toString()),
                ItApplication.class, PlainResource.class, TokenResource.class));
    }

    private void write(String application, WebArchive war) {
        Path file = dir.resolve(application + ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        wars.put(application, file);
    }

    /** The version of the runtime, as Liberty reports it. */
    static String version() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("liberty.wlpHome"), "lib", "versions",
                "openliberty.properties"))) {
            properties.load(in);
        }
        return properties.getProperty("com.ibm.websphere.productVersion");
    }

    /**
     * Deploys each application {@code firsts} times as the first application of a server started with
     * {@code --clean}, which empties its workarea and so the annotation cache Liberty keeps per application,
     * then {@code redeploys} times on one running server that has deployed each once before; the applications
     * in turn, each round starting with the next. Returns the medians.
     */
    List<Result> measure(int firsts, int redeploys) throws IOException, InterruptedException {
        Map<String, List<Double>> first = new LinkedHashMap<>();
        Map<String, List<Double>> again = new LinkedHashMap<>();
        APPLICATIONS.forEach(a -> {
            first.put(a, new ArrayList<>());
            again.put(a, new ArrayList<>());
        });
        for (int i = 0; i < firsts; i++) {
            for (String application : round(i)) {
                LibertyServer liberty = LibertyServer.start(server, httpPort, "--clean");
                try {
                    first.get(application).add(deploy(liberty, application));
                } finally {
                    liberty.stop();
                }
            }
        }
        LibertyServer liberty = LibertyServer.start(server, httpPort);
        try {
            for (String application : APPLICATIONS) {
                deploy(liberty, application);
            }
            for (int i = 0; i < redeploys; i++) {
                for (String application : round(i)) {
                    again.get(application).add(deploy(liberty, application));
                }
            }
        } finally {
            liberty.stop();
        }
        return APPLICATIONS.stream()
                .map(a -> new Result(a, Stats.median(first.get(a)), Stats.median(again.get(a)))).toList();
    }

    /** The applications in the order of round {@code i}, so that none always follows the same one. */
    private static List<String> round(int i) {
        List<String> order = new ArrayList<>(APPLICATIONS);
        Collections.rotate(order, -i);
        return order;
    }

    /**
     * Drops the application's WAR into dropins (moved there whole, so that Liberty never sees part of it),
     * waits until it has started and serves, removes it and waits until it has stopped; returns Liberty's
     * start time of it in milliseconds.
     */
    private double deploy(LibertyServer liberty, String application) throws IOException, InterruptedException {
        int from = liberty.messages().length();
        Path staged = Files.copy(wars.get(application), dir.resolve("staged.war"), StandardCopyOption.REPLACE_EXISTING);
        Path deployed = Files.move(staged, liberty.dropins().resolve(application + ".war"),
                StandardCopyOption.ATOMIC_MOVE);
        String started = liberty.awaitMessage("CWWKZ0001I: Application " + application + " started", from, STEP);
        HttpResponse<String> plain = ServerIT.get(liberty.url(application), "api/plain");
        if (plain.statusCode() != 200) {
            throw new IllegalStateException(application + " answered " + plain.statusCode() + " after it started");
        }
        Files.delete(deployed);
        liberty.awaitMessage("CWWKZ0009I: The application " + application + " has stopped", from, STEP);
        Matcher seconds = STARTED.matcher(started);
        if (!seconds.find()) {
            throw new IllegalStateException("no start time in Liberty's message: " + started);
        }
        return Double.parseDouble(seconds.group(1)) * 1000;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}
