package dev.boxauth.bench;

import dev.boxauth.BoxAuth;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

/**
 * A small harness (not JMH) for the cost of the provider's two paths, each against a trivial baseline
 * measured in the same run, reported as ratios:
 * <ul>
 * <li>hot path: {@code accessToken()} with a valid token cached, against reading a volatile field and
 * comparing the clock (the least any cache must do);</li>
 * <li>one refresh: {@code invalidate} + {@code accessToken()} (sign an assertion, POST it to the emulator
 * over a kept-alive loopback connection, parse the answer), against a trivial GET to the same emulator
 * over the same kind of connection.</li>
 * </ul>
 * Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=dev.boxauth.bench.CostHarness}
 */
public final class CostHarness {

    private static final int ROUNDS = 7;
    private static volatile String baselineToken = "token";
    private static volatile long baselineExpiry = Long.MAX_VALUE;
    private static volatile Object sink;

    private CostHarness() {
    }

    public static void main(String[] args) throws Exception {
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.createJwtApp();
            try (BoxTokenProvider provider = BoxAuth.fromProperties(Map.of("box.auth.config", app.configJson(),
                    "box.auth.token-url", box.tokenUrl()))) {
                provider.accessToken();
                hotPath(provider);
                refresh(provider, box);
            }
        }
    }

    private static void hotPath(BoxTokenProvider provider) {
        int n = 20_000_000;
        double[] baseline = new double[ROUNDS];
        double[] measured = new double[ROUNDS];
        for (int round = -3; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink = System.currentTimeMillis() < baselineExpiry ? baselineToken : null;
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink = provider.accessToken();
            }
            long t2 = System.nanoTime();
            if (round >= 0) {
                baseline[round] = (t1 - t0) / (double) n;
                measured[round] = (t2 - t1) / (double) n;
            }
        }
        report("hot path accessToken()", "volatile read + clock compare", measured, baseline, "ns");
    }

    private static void refresh(BoxTokenProvider provider, BoxEmulator box) throws Exception {
        int n = 300;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest trivial = HttpRequest.newBuilder(URI.create(box.apiUrl() + "/users/me"))
                .header("Authorization", "Bearer none").build();
        double[] baseline = new double[ROUNDS];
        double[] measured = new double[ROUNDS];
        for (int round = -2; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink = client.send(trivial, HttpResponse.BodyHandlers.ofString()).statusCode();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                provider.invalidate(provider.accessToken());
                sink = provider.accessToken();
            }
            long t2 = System.nanoTime();
            if (round >= 0) {
                baseline[round] = (t1 - t0) / (double) n / 1000;
                measured[round] = (t2 - t1) / (double) n / 1000;
            }
        }
        report("one refresh (sign + POST + parse)", "trivial GET on loopback", measured, baseline, "us");
        System.out.printf("token requests seen by the emulator: %d; TCP connections: %d%n", box.tokenRequests(),
                box.connectionsAccepted());
    }

    private static void report(String what, String baselineName, double[] measured, double[] baseline, String unit) {
        double m = median(measured);
        double b = median(baseline);
        System.out.printf("%-36s median %8.2f %s | baseline (%s) %8.2f %s | ratio %.2fx%n", what, m, unit,
                baselineName, b, unit, m / b);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
