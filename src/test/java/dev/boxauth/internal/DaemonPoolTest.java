package dev.boxauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonPoolTest {

    @Test
    void create_runsAtMostMaxThreadsTasksAtOnce_andRejectsTheNext() throws Exception {
        ExecutorService pool = DaemonPool.create("box-auth-test-refresh");
        CountDownLatch started = new CountDownLatch(DaemonPool.MAX_THREADS);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < DaemonPool.MAX_THREADS; i++) {
                pool.execute(() -> {
                    synchronized (threads) {
                        threads.add(Thread.currentThread());
                    }
                    started.countDown();
                    await(release);
                });
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
            assertThat(threads).allSatisfy(t -> {
                assertThat(t.isDaemon()).isTrue();
                assertThat(t.getName()).startsWith("box-auth-test-refresh-");
            });
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(DaemonPool.MAX_THREADS).isEqualTo(8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
