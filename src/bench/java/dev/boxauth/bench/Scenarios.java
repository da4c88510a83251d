package dev.boxauth.bench;

import com.box.sdk.BoxDeveloperEditionAPIConnection;
import com.box.sdk.BoxUser;
import com.box.sdkgen.box.jwtauth.BoxJWTAuth;
import com.box.sdkgen.client.BoxClient;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.emulator.BoxEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a token's expiry costs callers who make API calls ({@code GET /users/me}), each client as its users
 * call the API: box-auth's token in an {@code Authorization} header (the JAX-RS filter's job, here on the
 * JDK's HttpClient) with {@code invalidate} on a 401; the classic SDK's {@code BoxUser.getCurrentUser(api)
 * .getInfo()}; the generated SDK's {@code client.getUsers().getUserMe()}. The emulator counts token requests
 * and the API's 401s.
 */
// The classic com.box.sdk API is deprecated in favour of com.box.sdkgen; it is still what many users run.
@SuppressWarnings("deprecation")
final class Scenarios {

    /** A client that makes one API call against its fixture's emulator, which counts. */
    static final class Caller implements AutoCloseable {

        /** The client's own call for its token, which a caller waits for before the API call can start. */
        interface TokenCall {
            String token() throws Exception;
        }

        /** One API call with that token. */
        interface ApiCall {
            void call(String token) throws Exception;
        }

        private final Fixture fixture;
        private final TokenCall token;
        private final ApiCall api;
        /** What the client holds besides the fixture; closed first. */
        private final Runnable closeClient;

        /**
         * @param token {@code null} for a client whose API call takes its token itself, as the SDKs' do: they
         *     check and refresh it there, so a separate token call before it would time nothing
         */
        Caller(Fixture fixture, TokenCall token, ApiCall api, Runnable closeClient) {
            this.fixture = fixture;
            this.token = token;
            this.api = api;
            this.closeClient = closeClient;
        }

        /** @return the token, or {@code null} when the API call takes its own */
        String token() throws Exception {
            return token == null ? null : token.token();
        }

        boolean hasTokenCall() {
            return token != null;
        }

        void call(String token) throws Exception {
            api.call(token);
        }

        void call() throws Exception {
            call(token());
        }

        BoxEmulator box() {
            return fixture.box;
        }

        @Override
        public void close() {
            closeClient.run();
            fixture.close();
        }
    }

    record HerdResult(String client, int threads, int tokenRequests, int unauthorized, int failures) {
    }

    /**
     * One kind of run, over all its rounds: the calls, the slowest call, the median of each round's slowest
     * call, the 99.9th percentile, the slowest token call ({@code NaN} for a client without a token call of
     * its own), and the calls that failed.
     */
    record StallKind(long calls, double maxMillis, double medianRoundMaxMillis, double p999Millis,
            double tokenMaxMillis, int failures) {
    }

    /** Runs with tokens that come due by the client's rule, and runs with tokens that outlive them. */
    record StallResult(String client, Duration lifetime, StallKind expiring, StallKind lasting) {
    }

    static final List<String> CLIENTS = List.of("box-auth", "SDK com.box.sdk", "SDK com.box.sdkgen");

    private Scenarios() {
    }

    static Caller caller(String client, Duration lifetime) {
        Fixture fixture = new Fixture();
        fixture.box.tokenLifetime(lifetime);
        return switch (client) {
            case "box-auth" -> boxAuth(fixture);
            case "SDK com.box.sdk" -> legacy(fixture);
            case "SDK com.box.sdkgen" -> sdkgen(fixture);
            default -> throw new IllegalArgumentException(client);
        };
    }

    private static Caller boxAuth(Fixture fixture) {
        BoxTokenProvider provider = fixture.boxAuth();
        HttpClient http = HttpClient.newBuilder().sslContext(BoxEmulator.clientSslContext()).build();
        HttpRequest.Builder me = HttpRequest.newBuilder(URI.create(fixture.box.apiUrl() + "/users/me"));
        return new Caller(fixture, provider::accessToken, token -> {
            HttpResponse<String> response = http.send(me.copy().header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                provider.invalidate(token);
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
        }, provider::close);
    }

    private static Caller legacy(Fixture fixture) {
        BoxDeveloperEditionAPIConnection api = fixture.legacy();
        return new Caller(fixture, null, token -> BoxUser.getCurrentUser(api).getInfo(), () -> { });
    }

    private static Caller sdkgen(Fixture fixture) {
        BoxJWTAuth auth = fixture.sdkgenAuth();
        BoxClient client = fixture.sdkgenClient(auth, fixture.sdkgenSession());
        return new Caller(fixture, null, token -> client.getUsers().getUserMe(), () -> { });
    }

    /**
     * Each client makes its first call, then waits until its token's lifetime has run out, and then
     * {@code threads} threads make one call each, released together.
     *
     * @param lifetime over 60 s, because the classic SDK treats a token as due for refresh from 60 s before
     *     its expiry: with a shorter one it would refresh on every call, which is not the scenario
     */
    static List<HerdResult> herd(int threads, Duration lifetime) throws Exception {
        List<Caller> callers = new ArrayList<>();
        for (String client : CLIENTS) {
            Caller caller = caller(client, lifetime);
            caller.call();
            callers.add(caller);
        }
        Thread.sleep(lifetime.plusSeconds(1).toMillis());
        List<HerdResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int c = 0; c < callers.size(); c++) {
                Caller caller = callers.get(c);
                BoxEmulator box = caller.box();
                int tokensBefore = box.tokenRequests();
                int unauthorizedBefore = box.apiUnauthorized();
                CountDownLatch ready = new CountDownLatch(threads);
                CountDownLatch go = new CountDownLatch(1);
                AtomicInteger failures = new AtomicInteger();
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    done.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        try {
                            caller.call();
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        return null;
                    }));
                }
                ready.await();
                go.countDown();
                for (Future<?> f : done) {
                    f.get(2, TimeUnit.MINUTES);
                }
                results.add(new HerdResult(CLIENTS.get(c), threads, box.tokenRequests() - tokensBefore,
                        box.apiUnauthorized() - unauthorizedBefore, failures.get()));
            }
        } finally {
            pool.shutdownNow();
            callers.forEach(Caller::close);
        }
        return results;
    }

    /**
     * One thread calls without pause, in runs with tokens that come due by the client's own rule and runs
     * with tokens that outlive them. The slowest of some hundred thousand calls is a GC pause or a JIT
     * compilation as often as anything else, and those fall mostly early in a JVM's life; so an unmeasured
     * run warms the JVM first, and then the kinds take turns in {@code rounds} rounds whose order alternates
     * (expiring first, then no expiry first, ...), so that neither kind gets the earlier, noisier share of the
     * run; and besides the slowest call of each kind, the median of its rounds' slowest calls, which one
     * pause does not decide.
     *
     * @param seconds the time measured of each kind, in {@code rounds} runs of equal length
     */
    static StallResult stall(String client, long seconds, int rounds) throws Exception {
        Duration lifetime = switch (client) {
            // Stale (refreshed in the background) after half its life.
            case "box-auth" -> Duration.ofSeconds(4);
            // Refreshed before the call from 60 s before expiry.
            case "SDK com.box.sdk" -> Duration.ofSeconds(62);
            // Never refreshed ahead: the API's 401 makes it refresh and retry after a back-off of a second or
            // more, so a lifetime of 2 s would expire the new token before its retry. 4 s: one expiry in a
            // run of 5 s, whose first token comes in its warm-up.
            default -> Duration.ofSeconds(4);
        };
        long runSeconds = Math.max(1, seconds / rounds);
        run(client, lifetime, Math.max(1, runSeconds / 2), new AtomicInteger());
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger failuresWithoutExpiry = new AtomicInteger();
        Times expiring = Times.NONE;
        Times lasting = Times.NONE;
        for (int round = 0; round < rounds; round++) {
            for (boolean expiry : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                if (expiry) {
                    expiring = expiring.and(run(client, lifetime, runSeconds, failures));
                } else {
                    lasting = lasting.and(run(client, Duration.ofHours(1), runSeconds, failuresWithoutExpiry));
                }
            }
        }
        if (failuresWithoutExpiry.get() > 0) {
            throw new IllegalStateException(client + ": " + failuresWithoutExpiry + " calls failed with no expiry");
        }
        return new StallResult(client, lifetime, expiring.kind(failures.get()), lasting.kind(0));
    }

    /**
     * The duration of every call, of the slowest call of each round, and of the slowest token call (-1:
     * none), in nanoseconds.
     */
    private record Times(long[] calls, long[] roundMaxima, long slowestTokenCall) {

        static final Times NONE = new Times(new long[0], new long[0], -1);

        Times and(Times other) {
            return new Times(concat(calls, other.calls), concat(roundMaxima, other.roundMaxima),
                    Math.max(slowestTokenCall, other.slowestTokenCall));
        }

        StallKind kind(int failures) {
            long[] sorted = calls.clone();
            Arrays.sort(sorted);
            return new StallKind(calls.length, millis(sorted, sorted.length - 1),
                    Stats.median(Arrays.stream(roundMaxima).mapToObj(nanos -> nanos / 1e6).toList()),
                    millis(sorted, (int) (sorted.length * 0.999)),
                    slowestTokenCall < 0 ? Double.NaN : slowestTokenCall / 1e6, failures);
        }

        private static double millis(long[] sorted, int index) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, index)] / 1e6;
        }

        private static long[] concat(long[] a, long[] b) {
            long[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }

    /**
     * The duration of every call and of the slowest token call, after a warm-up of a few hundred calls; a
     * call that fails counts with its duration, and in {@code failures}.
     */
    private static Times run(String client, Duration lifetime, long seconds, AtomicInteger failures)
            throws Exception {
        try (Caller caller = caller(client, lifetime)) {
            for (int i = 0; i < 500; i++) {
                caller.call();
            }
            long[] times = new long[1 << 16];
            long slowestTokenCall = caller.hasTokenCall() ? 0 : -1;
            int n = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (long t = System.nanoTime(); t < end; ) {
                try {
                    String token = caller.token();
                    if (caller.hasTokenCall()) {
                        slowestTokenCall = Math.max(slowestTokenCall, System.nanoTime() - t);
                    }
                    caller.call(token);
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
                long after = System.nanoTime();
                if (n == times.length) {
                    times = Arrays.copyOf(times, n * 2);
                }
                times[n++] = after - t;
                t = after;
            }
            long[] calls = Arrays.copyOf(times, n);
            return new Times(calls, new long[] {Arrays.stream(calls).max().orElse(0)}, slowestTokenCall);
        }
    }
}
