package dev.boxauth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and writes {@code docs/benchmarks.md} and its charts ({@code docs/bench/*.svg}) from
 * the results. Arguments: the docs directory, then any of {@code quick} (short runs, to try the harness),
 * {@code only=jmh,scenarios,cold,liberty} (a subset).
 */
public final class BenchMain {

    private static final List<String> JMH_CLIENTS = List.of("baseline", "boxAuth", "sdkLegacy", "sdkGen");
    /** The cached path also measures box-auth with the shared store on. */
    private static final List<String> CACHED_CLIENTS = List.of("baseline", "boxAuth", "boxAuthShared", "sdkLegacy",
            "sdkGen");
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("baseline", "baseline"),
            Map.entry("boxAuth", "box-auth"), Map.entry("boxAuthShared", "box-auth, shared store"),
            Map.entry("sdkLegacy", "SDK com.box.sdk"), Map.entry("sdkGen", "SDK com.box.sdkgen"),
            Map.entry("boxAuthFilter", "BoxAuthFilter"), Map.entry("jdk", "baseline (JDK only)"),
            Map.entry("jdk-socket", "JDK only, one TLS socket"),
            Map.entry("box-auth", "box-auth"), Map.entry("sdk-legacy", "SDK com.box.sdk"),
            Map.entry("sdk-gen", "SDK com.box.sdkgen"), Map.entry("without-box-auth", "without box-auth"),
            Map.entry("without-box-auth-cdi", "without box-auth, with a CDI bean"),
            Map.entry("box-auth-dependencies", "box-auth's dependencies"),
            Map.entry("box-auth-unconfigured", "box-auth, unconfigured"),
            Map.entry("box-auth-jwt", "box-auth, JWT"));

    private final Path docs;
    private final boolean quick;
    private final Set<String> parts;
    private final StringBuilder page = new StringBuilder();
    private final List<String> summary = new ArrayList<>();

    private BenchMain(Path docs, boolean quick, Set<String> parts) {
        this.docs = docs;
        this.quick = quick;
        this.parts = parts;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<String> parts = Set.of("jmh", "scenarios", "cold", "liberty");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("quick")) {
                quick = true;
            } else if (args[i].startsWith("only=")) {
                parts = Set.of(args[i].substring(5).split(","));
            }
        }
        new BenchMain(Path.of(args[0]), quick, parts).run();
    }

    private void run() throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = load();
        StringBuilder body = new StringBuilder();
        Files.createDirectories(docs.resolve("bench"));
        if (parts.contains("jmh")) {
            body.append(cachedPath()).append(refresh()).append(filter());
        }
        if (parts.contains("scenarios")) {
            body.append(herd()).append(stall());
        }
        if (parts.contains("cold")) {
            body.append(coldStart());
        }
        if (parts.contains("liberty")) {
            body.append(liberty());
        }
        String loadAfter = load();
        page.append("# Benchmarks\n\n")
                .append("Written by the benchmark run itself (`mvn -B -Pbench test`); do not edit by hand. Every figure is ")
                .append("measured in the same run as its baseline, and the ratios are what to compare across machines.\n\n")
                .append("## Summary\n\n");
        summary.forEach(line -> page.append("- ").append(line).append('\n'));
        page.append("\n## Machine and run\n\n")
                .append("- run: ").append(started).append(", ")
                .append(Duration.between(started, Instant.now()).toMinutes()).append(" min")
                .append(quick ? " (quick: short iterations, not for publishing)" : "").append('\n')
                .append("- CPU: ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores available\n")
                .append("- OS: ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append('\n')
                .append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (JMH forks, cold starts and Liberty use it too; cold starts also on Java 25, where named)\n")
                .append("- load average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ")
                .append(loadAfter).append('\n')
                .append("- reproduce: `mvn -B -Pbench test` (another JDK: `-Dbench.java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java`;")
                .append(" a part: `-Dbench.args=only=cold`; the Java 25 for cold starts: `-Dbench.java25=...`)\n\n")
                .append(body);
        Files.writeString(docs.resolve("benchmarks.md"), page);
        System.out.println(page);
    }

    private ChainedOptionsBuilder jmh(Class<?> benchmark) {
        return new OptionsBuilder().include(benchmark.getName() + ".").forks(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .shouldFailOnError(true);
    }

    /** Score by benchmark method name. */
    private static Map<String, double[]> scores(Collection<RunResult> results) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            scores.put(name.substring(name.lastIndexOf('.') + 1), new double[] {r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError()});
        }
        return scores;
    }

    private String cachedPath() throws Exception {
        Map<Integer, Map<String, double[]>> byThreads = new LinkedHashMap<>();
        for (int threads : List.of(1, 8)) {
            byThreads.put(threads, scores(new Runner(jmh(CachedTokenBench.class).threads(threads).build()).run()));
        }
        StringBuilder md = new StringBuilder("## Cached token\n\n")
                .append("What a call pays for its token while a valid one is cached (JMH average time per call, ns; ")
                .append("with 8 threads, per call of each thread on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores). Baseline: a volatile read of a token and of its expiry, and a clock comparison. ")
                .append("box-auth: `accessToken()`; box-auth, shared store: the same with `box.auth.store=jcache` on ")
                .append("a one-member Hazelcast cache (the hot path reads no store); SDK com.box.sdk: `BoxAPIConnection.getAccessToken()`; SDK ")
                .append("com.box.sdkgen: `BoxJWTAuth.retrieveToken(session)`, which returns the token it stored ")
                .append("without looking at its expiry (it learns of expiry from the API's 401, see the herd below), and ")
                .append("so does less than the baseline.\n\n")
                .append("| client | 1 thread | ratio | 8 threads | ratio |\n|---|---|---|---|---|\n");
        List<Svg.Row> rows = new ArrayList<>();
        for (String client : CACHED_CLIENTS) {
            List<Double> values = new ArrayList<>();
            md.append("| ").append(NAMES.get(client));
            for (Map<String, double[]> scores : byThreads.values()) {
                double[] s = scores.get(client);
                md.append(" | ").append(pm(s)).append(" | ").append(ratio(s[0], scores.get("baseline")[0]));
                values.add(s[0]);
            }
            md.append(" |\n");
            rows.add(new Svg.Row(NAMES.get(client), values));
        }
        for (int threads : byThreads.keySet()) {
            Map<String, double[]> s = byThreads.get(threads);
            summary.add(String.format(Locale.ROOT, "cached token, %d thread%s: box-auth %s the baseline (target ≤ 1.2×); "
                    + "SDK com.box.sdk %s, SDK com.box.sdkgen %s", threads, threads == 1 ? "" : "s",
                    ratio(s.get("boxAuth")[0], s.get("baseline")[0]), ratio(s.get("sdkLegacy")[0], s.get("baseline")[0]),
                    ratio(s.get("sdkGen")[0], s.get("baseline")[0])));
            summary.add(String.format(Locale.ROOT, "cached token, %d thread%s, shared store (box.auth.store=jcache, "
                    + "Hazelcast) on: %s the store off", threads, threads == 1 ? "" : "s",
                    ratio(s.get("boxAuthShared")[0], s.get("boxAuth")[0])));
        }
        chart(md, "cached-token.svg", Svg.bars("Cached token, time per call", "ns", List.of("1 thread", "8 threads"),
                rows));
        return md.toString();
    }

    private String refresh() throws Exception {
        int warm = quick ? 100 : 1000;
        Map<String, double[]> s = scores(new Runner(jmh(RefreshBench.class).param("warmRefreshes",
                String.valueOf(warm)).build()).run());
        StringBuilder md = new StringBuilder("## One refresh\n\n")
                .append("Sign an RS256 assertion, POST it to the emulator over loopback TLS on a kept-alive connection, ")
                .append("parse the answer (JMH average time, µs). Baseline: the JDK alone, a `Signature` over the same ")
                .append("header and claims and one `HttpClient` POST of the same form. Each client is warmed by ")
                .append(warm).append(" refreshes before JMH's warm-up. box-auth: `invalidate` then `accessToken()`; ")
                .append("SDK com.box.sdk: `refresh()`; SDK com.box.sdkgen: `refreshToken(session)`.\n\n")
                .append("| client | µs per refresh | ratio |\n|---|---|---|\n");
        List<Svg.Row> rows = new ArrayList<>();
        for (String client : JMH_CLIENTS) {
            md.append("| ").append(NAMES.get(client)).append(" | ").append(pm(s.get(client))).append(" | ")
                    .append(ratio(s.get(client)[0], s.get("baseline")[0])).append(" |\n");
            rows.add(new Svg.Row(NAMES.get(client), List.of(s.get(client)[0])));
        }
        summary.add(String.format(Locale.ROOT, "one refresh: box-auth %s the baseline (target ≤ 1.2×); SDK "
                + "com.box.sdk %s, SDK com.box.sdkgen %s", ratio(s.get("boxAuth")[0], s.get("baseline")[0]),
                ratio(s.get("sdkLegacy")[0], s.get("baseline")[0]), ratio(s.get("sdkGen")[0], s.get("baseline")[0])));
        chart(md, "refresh.svg", Svg.bars("One refresh", "µs", List.of("refresh"), rows));
        return md.toString();
    }

    private String filter() throws Exception {
        Map<String, double[]> s = scores(new Runner(jmh(FilterBench.class).build()).run());
        summary.add("JAX-RS filter per request: " + ratio(s.get("boxAuthFilter")[0], s.get("baseline")[0])
                + " a hand-written one");
        return "## The JAX-RS filter\n\n"
                + "`BoxAuthFilter.filter` on a new request with a valid token cached, against a hand-written filter "
                + "that puts `\"Bearer \" + accessToken()` into the same new request (JMH average time, ns). Box's "
                + "SDKs have no JAX-RS filter.\n\n| filter | ns per request | ratio |\n|---|---|---|\n"
                + "| hand-written | " + pm(s.get("baseline")) + " | 1.00× |\n"
                + "| BoxAuthFilter | " + pm(s.get("boxAuthFilter")) + " | "
                + ratio(s.get("boxAuthFilter")[0], s.get("baseline")[0]) + " |\n\n";
    }

    private String herd() throws Exception {
        int threads = 64;
        Duration lifetime = Duration.ofSeconds(62);
        List<Scenarios.HerdResult> results = Scenarios.herd(threads, lifetime);
        StringBuilder md = new StringBuilder("## Herd at expiry\n\n")
                .append("Each client makes a first API call (`GET /users/me`), its token's lifetime (")
                .append(lifetime.toSeconds()).append(" s, over the 60 s before expiry from which the classic SDK ")
                .append("refreshes) runs out, then ").append(threads).append(" threads make one API call each, ")
                .append("released together. The emulator counts token requests and the API's 401s. Target: 1 and 0.\n\n")
                .append("| client | token requests | API 401s | failed calls |\n|---|---|---|---|\n");
        List<Svg.Row> rows = new ArrayList<>();
        for (Scenarios.HerdResult r : results) {
            md.append("| ").append(r.client()).append(" | ").append(r.tokenRequests()).append(" | ")
                    .append(r.unauthorized()).append(" | ").append(r.failures()).append(" |\n");
            rows.add(new Svg.Row(r.client(), List.of((double) r.tokenRequests(), (double) r.unauthorized())));
            summary.add(String.format(Locale.ROOT, "herd of %d at expiry, %s: %d token request%s, %d API 401s, "
                    + "%d failed calls", threads, r.client(), r.tokenRequests(), r.tokenRequests() == 1 ? "" : "s",
                    r.unauthorized(), r.failures()));
        }
        chart(md, "herd.svg", Svg.bars("Herd of " + threads + " at expiry", "count",
                List.of("token requests", "API 401s"), rows));
        return md.toString();
    }

    private String stall() throws Exception {
        long seconds = quick ? 3 : 30;
        int rounds = quick ? 1 : 6;
        long run = seconds / rounds;
        StringBuilder md = new StringBuilder("## Stall while tokens expire\n\n")
                .append("One thread makes API calls (`GET /users/me`) without pause while tokens come due by the ")
                .append("client's own rule (box-auth: lifetime 4 s, refreshed in the background from half its life, so ")
                .append("every 2 s; SDK com.box.sdk: lifetime 62 s, refreshed before the call from 60 s before expiry, so ")
                .append("every 2 s; SDK com.box.sdkgen: lifetime 4 s, refreshed when the API answers 401 and the call ")
                .append("retried after a back-off of a second or more, which a shorter lifetime would outlast), and the ")
                .append("same with tokens that outlive the run. Each kind is measured for ").append(seconds)
                .append(" s, in ").append(rounds).append(rounds == 1 ? " run" : " runs").append(" of ").append(run)
                .append(" s, each with a new client and emulator: the slowest call, the median of the runs' slowest ")
                .append("calls, the 99.9th percentile, box-auth's slowest `accessToken()` and the calls that failed. ")
                .append("Target: no worse than with no expiry.\n\n")
                .append("The slowest of some hundred thousand calls is as often a GC pause or a JIT compilation as the ")
                .append("token's expiry: with no expiry at all, each run's slowest call takes several milliseconds. ")
                .append("Those pauses come mostly early in a JVM's life, so that whichever kind ran first looked worse; ")
                .append("an unmeasured run of ").append(Math.max(1, run / 2))
                .append(" s with expiring tokens warms the JVM first, then the two kinds take turns, in an order that ")
                .append("alternates by run (expiring first, then no expiry first, ...), so that both share the same ")
                .append("conditions. The slowest call of all still falls to whichever kind a long pause hit; the median ")
                .append("of the runs' slowest calls, and the 99.9th percentile, are what one pause does not decide. ")
                .append("What remains is CPU: the caller and the emulator keep both cores busy, and a refresh's work, ")
                .append("the client's and the emulator's, has to share them.\n\n")
                .append("The token column is box-auth's slowest `accessToken()`, timed apart within each call: it tells ")
                .append("a caller that waits for a refresh from one that waits for the CPU. (The SDKs' API calls take ")
                .append("their token themselves, and refresh it there, in the caller.) The call that starts a ")
                .append("background refresh hands it to a pool thread, which yields before it starts: without that, ")
                .append("the woken thread mostly took the caller's core for the refresh's first 1.5 to 2.3 ms.\n\n")
                .append("| client | tokens | calls | failed | slowest (ms) | slowest of a run, median (ms) | p99.9 (ms) ")
                .append("| slowest token call (ms) |\n|---|---|---|---|---|---|---|---|\n");
        StringBuilder ratios = new StringBuilder("Expiring against no expiry:\n\n| client | slowest | slowest of ")
                .append("a run, median | p99.9 |\n|---|---|---|---|\n");
        List<Svg.Row> rows = new ArrayList<>();
        for (String client : Scenarios.CLIENTS) {
            Scenarios.StallResult r = Scenarios.stall(client, seconds, rounds);
            Scenarios.StallKind expiring = r.expiring();
            Scenarios.StallKind lasting = r.lasting();
            for (Scenarios.StallKind kind : List.of(expiring, lasting)) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %d | %.2f | %.2f | %.2f | %s |%n", client,
                        kind == expiring ? "expire" : "no expiry", kind.calls(), kind.failures(), kind.maxMillis(),
                        kind.medianRoundMaxMillis(), kind.p999Millis(), millis(kind.tokenMaxMillis())));
            }
            ratios.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", client,
                    ratio(expiring.maxMillis(), lasting.maxMillis()),
                    ratio(expiring.medianRoundMaxMillis(), lasting.medianRoundMaxMillis()),
                    ratio(expiring.p999Millis(), lasting.p999Millis())));
            rows.add(new Svg.Row(client, List.of(expiring.maxMillis(), lasting.maxMillis())));
            summary.add(String.format(Locale.ROOT, "stall, %s: slowest call %.2f ms while tokens expire, %.2f ms "
                    + "without expiry (%s); the runs' slowest, median, %.2f ms and %.2f ms (%s); p99.9 %.2f ms and "
                    + "%.2f ms (%s); %s%d failed calls", client, expiring.maxMillis(), lasting.maxMillis(),
                    ratio(expiring.maxMillis(), lasting.maxMillis()), expiring.medianRoundMaxMillis(),
                    lasting.medianRoundMaxMillis(), ratio(expiring.medianRoundMaxMillis(),
                            lasting.medianRoundMaxMillis()), expiring.p999Millis(), lasting.p999Millis(),
                    ratio(expiring.p999Millis(), lasting.p999Millis()),
                    Double.isNaN(expiring.tokenMaxMillis()) ? "" : String.format(Locale.ROOT, "slowest token call "
                            + "%.2f ms and %.2f ms; ", expiring.tokenMaxMillis(), lasting.tokenMaxMillis()),
                    expiring.failures()));
        }
        md.append('\n').append(ratios);
        chart(md, "stall.svg", Svg.bars("Slowest API call in " + rounds + " × " + run + " s", "ms",
                List.of("tokens expire", "no expiry"), rows));
        return md.toString();
    }

    private String coldStart() throws Exception {
        int runs = quick ? 3 : 11;
        ColdStart cold = new ColdStart(Files.createTempDirectory("box-auth-cold"));
        try {
            List<ColdStart.Result> clients = cold.measure(ColdStart.CLIENTS, runs);
            List<ColdStart.Result> archived = cold.measureArchived(List.of("jdk", "box-auth"), runs);
            List<ColdStart.Result> pieces = cold.measure(ColdStart.PIECES, runs);
            Map<String, Map<String, Integer>> classes = new LinkedHashMap<>();
            for (String program : ColdStart.CLIENTS) {
                classes.put(program, cold.classesLoaded(program));
            }
            double baseline = clients.get(0).medianMillis();
            StringBuilder md = new StringBuilder("## First token from a cold JVM\n\n")
                    .append("Each program runs ").append(runs).append(" times in a fresh JVM (runs interleaved), from ")
                    .append("the first line of `main` to the first token in hand: read the Developer Console file, ")
                    .append("whose key is PKCS#8 encrypted with AES-256 (PBES2), build the client, get a token from ")
                    .append("the emulator (in the harness's JVM) over TLS. Every JVM's trust store is the JDK's ")
                    .append("`cacerts` plus the emulator's certificate, in a JKS file as Debian's `cacerts` is. Baseline: the JDK alone (decrypt with ")
                    .append("`EncryptedPrivateKeyInfo`, sign with `Signature`, POST with `HttpClient`). JDK only, one ")
                    .append("TLS socket: the same with HTTP/1.1 written by hand on an `SSLSocket`, no HTTP client at all, ")
                    .append("the floor that the JDK's TLS and crypto set on this machine. Target for ")
                    .append("box-auth: 300 ms. Every class path holds jars only, as an application's does. Harness: ")
                    .append("`dev.boxauth.bench.ColdStart` and `FirstToken` in src/bench.\n\n")
                    .append("| program | median (ms) | fastest (ms) | of which client built (ms) | whole process (ms) | ratio |\n")
                    .append("|---|---|---|---|---|---|\n");
            List<Svg.Row> rows = new ArrayList<>();
            for (ColdStart.Result r : clients) {
                md.append(coldRow(NAMES.get(r.program()), r, r.medianProcessMillis(), baseline));
                rows.add(new Svg.Row(NAMES.get(r.program()), List.of(r.medianMillis())));
            }
            chart(md, "cold-start.svg", Svg.bars("First token from a cold JVM (median)", "ms", List.of("first token"),
                    rows));
            double archivedBaseline = archived.get(0).medianMillis();
            md.append("box-auth and the baseline again, each with an application class-data archive ")
                    .append("(`-XX:SharedArchiveFile`) that one training run of it wrote (`-XX:ArchiveClassesAtExit`), as ")
                    .append("a short-lived JVM can start (see [Plain Java](plain-java.md#fast-start-in-short-lived-jvms)); ")
                    .append("ratios to the baseline with its own archive:\n\n")
                    .append("| program, with an archive | median (ms) | fastest (ms) | of which client built (ms) | ")
                    .append("without an archive (ms) | ratio |\n|---|---|---|---|---|---|\n");
            for (ColdStart.Result r : archived) {
                md.append(coldRow(NAMES.get(r.program()), r, figure(clients, r.program()), archivedBaseline));
            }
            for (ColdStart.Result r : clients) {
                if (r.program().equals("jdk")) {
                    continue;
                }
                String archivedFigure = r.program().equals("box-auth")
                        ? String.format(Locale.ROOT, ", %.0f ms with a class-data archive (%s the baseline's with its "
                                + "own); target 300 ms, %s", archived.get(1).medianMillis(),
                                ratio(archived.get(1).medianMillis(), archivedBaseline),
                                target(r.medianMillis(), archived.get(1).medianMillis()))
                        : "";
                summary.add(String.format(Locale.ROOT, "first token from a cold JVM, %s: %.0f ms (%s the JDK-only "
                        + "baseline)%s", NAMES.get(r.program()), r.medianMillis(), ratio(r.medianMillis(), baseline),
                        archivedFigure));
            }
            md.append(java25(cold, runs, clients, archived)).append('\n');
            md.append("Where the time goes: each piece of start-up work alone in a cold JVM (median ms from `main`).\n\n")
                    .append("| piece | median (ms) |\n|---|---|\n");
            for (ColdStart.Result r : pieces) {
                md.append(String.format(Locale.ROOT, "| %s | %.0f |%n", r.program().substring("piece-".length()),
                        r.medianMillis()));
            }
            md.append("\nClasses loaded by the whole program (`-Xlog:class+load`), by package group:\n\n| group |");
            classes.keySet().forEach(p -> md.append(' ').append(NAMES.get(p)).append(" |"));
            md.append("\n|---|").append("---|".repeat(classes.size())).append('\n');
            for (String group : classes.values().iterator().next().keySet()) {
                md.append("| ").append(group).append(" |");
                classes.values().forEach(c -> md.append(' ').append(c.get(group)).append(" |"));
                md.append('\n');
            }
            return md.append('\n').toString();
        } finally {
            cold.close();
        }
    }

    /**
     * The baseline and box-auth on Java 25 ({@code bench.java25}), as they are and with an AOT cache, beside the
     * same on this JVM; nothing when this JVM is Java 25 or later already, or there is no Java 25 to run.
     */
    private String java25(ColdStart cold, int runs, List<ColdStart.Result> clients, List<ColdStart.Result> archived)
            throws Exception {
        Path java25 = Path.of(System.getProperty("bench.java25", ""));
        int thisFeature = Runtime.version().feature();
        if (thisFeature >= 25 || !Files.isExecutable(java25)) {
            return "";
        }
        String build = ColdStart.build(java25);
        if (Runtime.Version.parse(build).feature() < 25) {
            return "";
        }
        List<String> programs = List.of("jdk", "box-auth");
        List<ColdStart.Result> plain = cold.measure(java25, programs, runs);
        List<ColdStart.Result> cached = cold.measureAotCached(java25, programs, runs);
        String thisJava = "Java " + thisFeature;
        StringBuilder md = new StringBuilder("\nThe baseline and box-auth again on Java 25 (")
                .append(build).append("), as they are and each with an AOT cache ")
                .append("(`-XX:AOTCache`) that one training run of it wrote (`-XX:AOTCacheOutput`), which keeps ")
                .append("classes loaded and linked, and method profiles; beside each, the same program on ")
                .append(thisJava).append(" above, as it is or with its class-data archive; ratios to the baseline ")
                .append("started the same way on Java 25:\n\n")
                .append("| program, on Java 25 | median (ms) | fastest (ms) | of which client built (ms) | on ")
                .append(thisJava).append(" (ms) | ratio |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < programs.size(); i++) {
            md.append(coldRow(NAMES.get(programs.get(i)), plain.get(i), figure(clients, programs.get(i)),
                    plain.get(0).medianMillis()));
        }
        for (int i = 0; i < programs.size(); i++) {
            md.append(coldRow(NAMES.get(programs.get(i)) + ", AOT cache", cached.get(i),
                    figure(archived, programs.get(i)), cached.get(0).medianMillis()));
        }
        ColdStart.Result boxAuth = plain.get(1);
        ColdStart.Result boxAuthCached = cached.get(1);
        summary.add(String.format(Locale.ROOT, "first token from a cold JVM on Java 25, box-auth: %.0f ms (%s the "
                + "JDK-only baseline on Java 25, %s box-auth on %s), %.0f ms with an AOT cache (%s the baseline's "
                + "with its own)", boxAuth.medianMillis(), ratio(boxAuth.medianMillis(), plain.get(0).medianMillis()),
                ratio(boxAuth.medianMillis(), figure(clients, "box-auth")), thisJava, boxAuthCached.medianMillis(),
                ratio(boxAuthCached.medianMillis(), cached.get(0).medianMillis())));
        return md.toString();
    }

    /** The median of {@code program} among {@code results}. */
    private static double figure(List<ColdStart.Result> results, String program) {
        return results.stream().filter(r -> r.program().equals(program)).findFirst().orElseThrow().medianMillis();
    }

    private String liberty() throws Exception {
        int firsts = quick ? 1 : 3;
        int redeploys = quick ? 2 : 8;
        List<LibertyDeployment.Result> results;
        try (LibertyDeployment deployment = new LibertyDeployment()) {
            results = deployment.measure(firsts, redeploys);
        }
        LibertyDeployment.Result baseline = results.get(0);
        StringBuilder md = new StringBuilder("## Deployment on Open Liberty\n\n")
                .append("The same small JAX-RS application (one resource) deployed on Open Liberty ")
                .append(LibertyDeployment.version()).append(" (the full runtime with liberty/server.xml's features, ")
                .append("what box-auth needs) by dropping its WAR into `dropins/`, and removed again once it answers. ")
                .append("Five ways: without box-auth (baseline); the same with a request-scoped resource of its own, ")
                .append("so that it uses CDI as box-auth's extension and producer do; with ")
                .append("box-auth's dependencies alone in `WEB-INF/lib` ")
                .append("(jose4j and SLF4J), whose classes Liberty scans for annotations as it does the ")
                .append("application's; with box-auth's jar too, but no `box.auth.*` property and no injection, which ")
                .append("box-auth leaves untouched; and with a resource that injects the provider and ")
                .append("`box.auth.config-file` naming a Developer Console file whose key is PKCS#8 encrypted with ")
                .append("AES-256 (PBES2), every other setting the default: box-auth reads and validates the ")
                .append("configuration and decrypts the key while the application deploys, and gets the first token on ")
                .append("first use. The figure is Liberty's own, `CWWKZ0001I: Application X started in N seconds`, ")
                .append("counted from its `CWWKZ0018I: Starting application X` to the end of CDI's validation and the ")
                .append("web module's start (median ms). First deployment: ").append(firsts).append(" times each, as ")
                .append("the first application of a server started with `--clean`, whose workarea, where Liberty keeps ")
                .append("each application's annotation scan, is empty, as a new server's is; redeployment: the same WAR ")
                .append(redeploys).append(" times each on one running server that has deployed it before. ")
                .append("Applications in turn. Harness: `dev.boxauth.bench.LibertyDeployment` in src/bench.\n\n")
                .append("| application | first deployment (ms) | against the baseline | redeployment (ms) | against ")
                .append("the baseline |\n|---|---|---|---|---|\n");
        List<Svg.Row> rows = new ArrayList<>();
        for (LibertyDeployment.Result r : results) {
            String first = effect(r.firstMillis(), baseline.firstMillis());
            String redeploy = effect(r.redeployMillis(), baseline.redeployMillis());
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %.0f | %s |%n", NAMES.get(r.application()),
                    r.firstMillis(), first, r.redeployMillis(), redeploy));
            rows.add(new Svg.Row(NAMES.get(r.application()), List.of(r.firstMillis(), r.redeployMillis())));
            if (r != baseline) {
                summary.add(String.format(Locale.ROOT, "deployment on Open Liberty, %s: first %.0f ms (%s the "
                        + "application without box-auth), redeployment %.0f ms (%s)", NAMES.get(r.application()),
                        r.firstMillis(), first, r.redeployMillis(), redeploy));
            }
        }
        chart(md, "liberty-deployment.svg", Svg.bars("Deployment on Open Liberty (median)", "ms",
                List.of("first deployment", "redeployment"), rows));
        return md.toString();
    }

    private void chart(StringBuilder md, String file, String svg) throws IOException {
        Files.writeString(docs.resolve("bench").resolve(file), svg);
        md.append("\n![").append(file).append("](bench/").append(file).append(")\n\n");
    }

    private static String pm(double[] score) {
        return Double.isNaN(score[1]) ? Svg.format(score[0]) : Svg.format(score[0]) + " ± " + Svg.format(score[1]);
    }

    /** A time against its baseline's, as a difference and a ratio. */
    private static String effect(double millis, double baselineMillis) {
        return String.format(Locale.ROOT, "%+.0f ms, %s", millis - baselineMillis, ratio(millis, baselineMillis));
    }

    /** Milliseconds with two decimals, or a dash for no figure (NaN). */
    private static String millis(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A row of a cold-start table: the program's name, its median, fastest, build time, {@code other}, ratio. */
    private static String coldRow(String name, ColdStart.Result r, double other, double baseline) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %.0f | %s |%n", name,
                r.medianMillis(), r.minMillis(), Double.isNaN(r.medianBuildMillis()) ? "–"
                        : String.format(Locale.ROOT, "%.0f", r.medianBuildMillis()),
                other, ratio(r.medianMillis(), baseline));
    }

    private static String target(double plain, double archived) {
        if (plain <= 300) {
            return "met";
        }
        return archived <= 300 ? "met only with a class-data archive" : "missed, with a class-data archive too";
    }

    private static String ratio(double value, double baseline) {
        return String.format(Locale.ROOT, "%.2f×", value / baseline);
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
