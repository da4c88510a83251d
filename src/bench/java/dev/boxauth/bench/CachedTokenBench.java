package dev.boxauth.bench;

import com.box.sdk.BoxDeveloperEditionAPIConnection;
import com.box.sdkgen.box.jwtauth.BoxJWTAuth;
import com.box.sdkgen.networking.network.NetworkSession;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.testing.HazelcastMember;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cached-token path: what a request pays for its token while a valid one is cached. The baseline is
 * the least any cache must do, a volatile read and a clock comparison. Run with 1 and with 8 threads
 * ({@link BenchMain}); box-auth also with the shared store on, against a one-member Hazelcast cache.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
// The classic com.box.sdk API is deprecated in favour of com.box.sdkgen; it is still what many users run.
@SuppressWarnings("deprecation")
public class CachedTokenBench {

    /** The baseline's cache: a token and its expiry, each read once per call. */
    private volatile String baselineToken = "token";
    private volatile long baselineExpiresAt = Long.MAX_VALUE;

    private Fixture fixture;
    private BoxTokenProvider boxAuth;
    private HazelcastMember member;
    private BoxTokenProvider boxAuthShared;
    private BoxDeveloperEditionAPIConnection legacy;
    private BoxJWTAuth sdkgen;
    private NetworkSession session;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new Fixture();
        boxAuth = fixture.boxAuth();
        boxAuth.accessToken();
        member = HazelcastMember.start("bench-" + UUID.randomUUID());
        boxAuthShared = fixture.boxAuthSharing(member.newCache("box-auth-tokens"));
        boxAuthShared.accessToken();
        legacy = fixture.legacy();
        sdkgen = fixture.sdkgenAuth();
        session = fixture.sdkgenSession();
        sdkgen.retrieveToken(session);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        boxAuth.close();
        boxAuthShared.close();
        member.close();
        fixture.close();
    }

    @Benchmark
    public String baseline() {
        return System.currentTimeMillis() < baselineExpiresAt ? baselineToken : null;
    }

    @Benchmark
    public String boxAuth() {
        return boxAuth.accessToken();
    }

    /** The same with {@code box.auth.store=jcache} on a Hazelcast member: the hot path must not read the store. */
    @Benchmark
    public String boxAuthShared() {
        return boxAuthShared.accessToken();
    }

    @Benchmark
    public String sdkLegacy() {
        return legacy.getAccessToken();
    }

    @Benchmark
    public String sdkGen() {
        return sdkgen.retrieveToken(session).getAccessToken();
    }
}
