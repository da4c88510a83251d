package dev.boxauth.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many callers at once, for "N concurrent callers, one request" tests. */
public final class Together {

    private Together() {
    }

    /** Runs {@code call} on {@code callers} threads, all released at once, and returns what each returned. */
    public static <T> List<T> call(int callers, Callable<T> call) throws Exception {
        return call(callers, null, call);
    }

    /**
     * The same, and opens {@code gate} (a fake's hold on its answer) once every caller is about to call,
     * so that the first request is still open while the others arrive.
     */
    public static <T> List<T> call(int callers, CountDownLatch gate, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch arrived = new CountDownLatch(callers);
            List<Future<T>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    arrived.countDown();
                    arrived.await();
                    return call.call();
                }));
            }
            arrived.await();
            if (gate != null) {
                gate.countDown();
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : calls) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
