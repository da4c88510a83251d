package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Virtual threads (Java 21 and later; skipped on 17): a herd of 10,000 of them calling at expiry makes one
 * token request and pins no carrier thread, as JFR's {@code jdk.VirtualThreadPinned} events (threshold zero)
 * would show. Run on Java 25 with {@code mvn test -Djvm=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}.
 */
class VirtualThreadHerdTest {

    private static final int THREADS = 10_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void tenThousandVirtualThreadsAtExpiry_makeOneTokenRequest_andPinNoCarrierThread() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21 or later");
        MutableClock clock = new MutableClock(Instant.now());
        try (BoxEmulator box = BoxEmulator.start();
                Recording recording = new Recording()) {
            JwtApp app = box.createJwtApp();
            try (BoxTokenProvider provider = BoxAuth.builder().config(app.configJson()).tokenUrl(box.tokenUrl())
                    .clock(clock).build()) {
                String first = provider.accessToken();
                clock.advance(Duration.ofHours(1));
                box.clockOffset(Duration.ofHours(1));
                recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
                recording.start();

                Set<String> seen = herd(provider);

                recording.stop();
                assertThat(seen).hasSize(1).doesNotContain(first);
                assertThat(box.tokenRequests()).isEqualTo(2);
            }
            Path file = dir.resolve("herd.jfr");
            recording.dump(file);
            List<RecordedEvent> pinned = Files.exists(file) ? RecordingFile.readAllEvents(file) : List.of();
            assertThat(pinned).as("jdk.VirtualThreadPinned events").isEmpty();
        }
    }

    /** The tokens {@link #THREADS} virtual threads got, released together. */
    private static Set<String> herd(BoxTokenProvider provider) throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        // Executors.newVirtualThreadPerTaskExecutor() is Java 21 API; the code is compiled for 17.
        ExecutorService threads = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                calls.add(threads.submit(() -> {
                    go.await();
                    seen.add(provider.accessToken());
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return seen;
    }
}
