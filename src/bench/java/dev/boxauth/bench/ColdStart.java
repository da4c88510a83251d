package dev.boxauth.bench;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.testing.ForkedJava;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.spi.ToolProvider;

/**
 * First token from a cold JVM, a whole-process harness: each {@link FirstToken} program runs in a fresh
 * JVM (this JVM's {@code java} or another JDK's, the clients' class path), the emulator stays here, and every
 * client's runs are interleaved so that load on the machine falls on all alike. The figure is the time from the
 * first line of {@code main} to the token in hand, as the program measures it; the median of the runs is
 * reported.
 *
 * <p>Each program's class path holds what an application of it would: jars only, and only its client's
 * (box-auth's classes and the programs' are packed into jars first: a directory costs a cold JVM some 40
 * ms more to search, and class-data sharing takes jars only). The programs also run with an application
 * class-data archive of their own ({@code -XX:SharedArchiveFile}), written by one training run
 * ({@code -XX:ArchiveClassesAtExit}), and on Java 25 with an AOT cache ({@code -XX:AOTCache}): what a
 * short-lived JVM can do to start faster.
 */
final class ColdStart {

    /** The programs compared, in the order of the page. */
    static final List<String> CLIENTS = List.of("jdk", "jdk-socket", "box-auth", "sdk-legacy", "sdk-gen");
    /** Pieces of start-up work, each alone in a cold JVM: where the time goes. */
    static final List<String> PIECES = List.of("piece-nothing", "piece-privatekeys", "piece-jdk-pbes2",
            "piece-securerandom", "piece-sslcontext", "piece-httpclient");

    /** Class-name prefixes by which loaded classes are counted. */
    static final Map<String, List<String>> GROUPS = groups();

    /**
     * Every jar a program may need: box-auth and its runtime dependencies, Box's SDK and its. Not the whole
     * test class path, whose hundred jars (Hazelcast, Selenium, Liberty's Arquillian) a cold JVM would scan
     * for security providers and services, which no application pays. Each program gets the part it needs.
     */
    private static final List<String> CLASS_PATH = Arrays.stream(System.getProperty("java.class.path")
            .split(File.pathSeparator))
            .filter(entry -> entry.endsWith("classes") || List.of("jose4j", "slf4j", "bcprov", "bcpkix", "bcutil",
                    "box-java-sdk", "minimal-json", "jackson", "okhttp", "okio", "kotlin", "zstd-jni").stream()
                    .anyMatch(Path.of(entry).getFileName().toString()::startsWith))
            .toList();
    /** The {@code java} of the JVM that runs the harness. */
    static final Path THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** The jars of box-auth's classes and of these programs, which {@link #jarred} writes. */
    private static final String BOX_AUTH_JAR = "box-auth.jar";
    private static final String PROGRAMS_JAR = "programs.jar";

    record Result(String program, double medianMillis, double minMillis, double medianBuildMillis,
            double medianProcessMillis) {
    }

    private final Path dir;
    private final List<Path> jars;
    private final Path config;
    private final Path trustStore;
    private final BoxEmulator box;

    ColdStart(Path dir) throws Exception {
        this.dir = dir;
        Files.createDirectories(dir);
        jars = jarred(CLASS_PATH, dir);
        box = BoxEmulator.startHttps();
        box.registerJwtApp(Fixture.CLIENT_ID, Fixture.CLIENT_SECRET, Fixture.ENTERPRISE_ID, Fixture.KEY_ID,
                Fixture.publicKey());
        config = dir.resolve("box-config.json");
        Files.writeString(config, Fixture.configJson());
        trustStore = dir.resolve("cacerts-and-emulator.jks");
        writeTrustStore(trustStore);
    }

    /**
     * The JDK's cacerts plus the emulator's certificate, as a production JVM's trust store would be sized and
     * as cheap to load: JKS, as Debian's cacerts is, and not the default type PKCS#12, whose certificates a
     * store with a password encrypts and MACs (PBKDF2, 10,000 iterations each) where the JDK's own has neither:
     * a cold JVM took 190 ms to load that, against 82 ms for the JKS.
     */
    private static void writeTrustStore(Path file) throws Exception {
        KeyStore cacerts = KeyStore.getInstance(Path.of(System.getProperty("java.home"), "lib", "security",
                "cacerts").toFile(), "changeit".toCharArray());
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        for (String alias : Collections.list(cacerts.aliases())) {
            store.setCertificateEntry(alias, cacerts.getCertificate(alias));
        }
        X509Certificate[] emulator = BoxEmulator.clientTrustManager().getAcceptedIssuers();
        for (int i = 0; i < emulator.length; i++) {
            store.setCertificateEntry("box-auth-emulator-" + i, emulator[i]);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
    }

    /**
     * The class path with each directory replaced by a jar of it: {@code target/classes} whole (box-auth's
     * jar), {@code target/test-classes} only for this package (the programs).
     */
    private static List<Path> jarred(List<String> entries, Path dir) throws IOException {
        ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
        List<Path> jars = new ArrayList<>();
        for (String entry : entries) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                jars.add(path);
                continue;
            }
            boolean programs = path.getFileName().toString().equals("test-classes");
            Path file = dir.resolve(programs ? PROGRAMS_JAR : BOX_AUTH_JAR);
            StringWriter out = new StringWriter();
            if (jar.run(new PrintWriter(out), new PrintWriter(out), "--create", "--file", file.toString(), "-C",
                    entry, programs ? FirstToken.class.getPackageName().replace('.', '/') : ".") != 0) {
                throw new IOException("jar " + entry + ": " + out);
            }
            jars.add(file);
        }
        return jars;
    }

    /**
     * What an application running {@code program} would have on its class path: the programs' jar, plus
     * box-auth and its dependencies for box-auth, plus Box's SDK and its dependencies for the SDK.
     */
    private String classPath(String program) {
        return jars.stream().filter(jar -> {
            String name = jar.getFileName().toString();
            if (name.equals(PROGRAMS_JAR)) {
                return true;
            }
            boolean boxAuth = name.equals(BOX_AUTH_JAR) || ForkedJava.RUNTIME_JARS.stream().anyMatch(name::startsWith);
            return switch (program) {
                case "box-auth", "piece-privatekeys" -> boxAuth;
                case "sdk-legacy", "sdk-gen" -> !name.equals(BOX_AUTH_JAR);
                default -> false;
            };
        }).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** Runs every program {@code runs} times on this JVM's {@code java}, interleaved. */
    List<Result> measure(List<String> programs, int runs) throws Exception {
        return measure(THIS_JAVA, programs, runs);
    }

    /** Runs every program {@code runs} times on {@code java}, interleaved. */
    List<Result> measure(Path java, List<String> programs, int runs) throws Exception {
        return measure(java, programs, runs, program -> List.of());
    }

    /**
     * Runs every program {@code runs} times, interleaved, each with an application class-data archive that
     * a training run of the same program wrote first.
     */
    List<Result> measureArchived(List<String> programs, int runs) throws Exception {
        // -Xshare:on: a JVM that cannot map the archive fails, where by default it would start without it.
        return measureTrained(THIS_JAVA, programs, runs, "jsa", file -> List.of("-XX:ArchiveClassesAtExit=" + file),
                file -> List.of("-XX:SharedArchiveFile=" + file, "-Xshare:on"));
    }

    /**
     * Runs every program {@code runs} times on {@code java} (Java 25 or later), interleaved, each with an AOT
     * cache that a training run of the same program wrote first: classes loaded and linked, and method profiles.
     */
    List<Result> measureAotCached(Path java, List<String> programs, int runs) throws Exception {
        // -XX:AOTMode=on: a JVM that cannot use the cache fails, where by default it would start without it.
        return measureTrained(java, programs, runs, "aot", file -> List.of("-XX:AOTCacheOutput=" + file),
                file -> List.of("-XX:AOTCache=" + file, "-XX:AOTMode=on"));
    }

    /**
     * One training run of each program with the options {@code write} gives for its file (a new one), then
     * every program {@code runs} times, interleaved, with the options {@code use} gives for it.
     */
    private List<Result> measureTrained(Path java, List<String> programs, int runs, String extension,
            Function<Path, List<String>> write, Function<Path, List<String>> use) throws Exception {
        for (String program : programs) {
            Path file = dir.resolve(program + "." + extension);
            Files.deleteIfExists(file);
            run(java, program, write.apply(file));
        }
        return measure(java, programs, runs, program -> use.apply(dir.resolve(program + "." + extension)));
    }

    private List<Result> measure(Path java, List<String> programs, int runs, Function<String, List<String>> options)
            throws Exception {
        Map<String, List<Map<String, Double>>> all = new LinkedHashMap<>();
        for (String program : programs) {
            run(java, program, options.apply(program));
            all.put(program, new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (String program : programs) {
                all.get(program).add(run(java, program, options.apply(program)));
            }
        }
        List<Result> results = new ArrayList<>();
        all.forEach((program, phases) -> results.add(new Result(program, median(phases, "total"),
                phases.stream().mapToDouble(p -> p.get("total")).min().orElse(0), median(phases, "build"),
                median(phases, "process"))));
        return results;
    }

    /** Classes a program loads, counted by group, from {@code -Xlog:class+load}. */
    Map<String, Integer> classesLoaded(String program) throws Exception {
        Path log = dir.resolve(program + "-classes.log");
        Files.deleteIfExists(log);
        run(THIS_JAVA, program, List.of("-Xlog:class+load=info:file=" + log));
        Map<String, Integer> counts = new LinkedHashMap<>();
        GROUPS.keySet().forEach(g -> counts.put(g, 0));
        counts.put("other", 0);
        int total = 0;
        for (String line : Files.readAllLines(log)) {
            int start = line.indexOf("] ");
            int end = line.indexOf(' ', start + 2);
            if (start < 0 || end < 0) {
                continue;
            }
            String name = line.substring(start + 2, end);
            total++;
            counts.merge(group(name), 1, Integer::sum);
        }
        counts.put("total", total);
        return counts;
    }

    private static String group(String className) {
        for (Map.Entry<String, List<String>> g : GROUPS.entrySet()) {
            for (String prefix : g.getValue()) {
                if (className.startsWith(prefix)) {
                    return g.getKey();
                }
            }
        }
        return "other";
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("TLS", List.of("sun.security.ssl.", "javax.net.ssl.", "sun.security.validator.",
                "sun.security.provider.certpath.", "sun.security.x509.", "java.security.cert."));
        groups.put("BouncyCastle", List.of("org.bouncycastle."));
        groups.put("HTTP client", List.of("jdk.internal.net.http.", "java.net.http.", "okhttp3.", "okio."));
        groups.put("JCA and crypto", List.of("sun.security.", "com.sun.crypto.", "javax.crypto.", "java.security."));
        groups.put("jose4j", List.of("org.jose4j."));
        groups.put("box-auth", List.of("dev.boxauth."));
        groups.put("Box SDK", List.of("com.box.", "com.eclipsesource.", "kotlin."));
        return groups;
    }

    private Map<String, Double> run(Path java, String program, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStorePassword=changeit"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(program), FirstToken.class.getName(), program,
                config.toString(), box.baseUrl().toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(program + " failed: " + out);
        }
        Map<String, Double> phases = new TreeMap<>();
        phases.put("process", (System.nanoTime() - start) / 1e6);
        for (String line : out.split("\n")) {
            String[] kv = line.strip().split("=");
            if (kv.length == 2 && kv[1].matches("[0-9]+")) {
                phases.put(kv[0], Long.parseLong(kv[1]) / 1e6);
            }
        }
        if (!phases.containsKey("total")) {
            throw new IOException(program + " printed no total: " + out);
        }
        return phases;
    }

    /** The build of the JDK whose {@code java} this is, as {@code java -version} names it: 25.0.3+9-LTS. */
    static String build(Path java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int at = out.indexOf("(build ");
        if (process.waitFor() != 0 || at < 0) {
            throw new IOException(java + " -version: " + out);
        }
        return out.substring(at + "(build ".length(), out.indexOf(')', at));
    }

    private static double median(List<Map<String, Double>> runs, String phase) {
        return Stats.median(runs.stream().filter(r -> r.containsKey(phase)).map(r -> r.get(phase)).toList());
    }

    void close() {
        box.close();
    }

    /** {@code ColdStart [runs [programs]]}: the clients (also archived) and the pieces, printed. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        ColdStart cold = new ColdStart(Files.createTempDirectory("box-auth-cold"));
        try {
            List<String> programs = args.length > 1 ? List.of(args[1].split(",")) : CLIENTS;
            for (Result r : cold.measure(programs, runs)) {
                System.out.println(r);
            }
            for (Result r : cold.measureArchived(programs, runs)) {
                System.out.println("archived " + r);
            }
            if (args.length <= 1) {
                for (Result r : cold.measure(PIECES, runs)) {
                    System.out.println(r);
                }
                System.out.println("box-auth classes " + cold.classesLoaded("box-auth"));
                System.out.println("sdk-legacy classes " + cold.classesLoaded("sdk-legacy"));
            }
        } finally {
            cold.close();
        }
    }
}
