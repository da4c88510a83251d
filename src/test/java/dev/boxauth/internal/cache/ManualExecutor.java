package dev.boxauth.internal.cache;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Queues tasks and runs them only when the test says, on the test's thread; can reject like a pool shutting down. */
final class ManualExecutor implements Executor {

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private volatile boolean rejecting;

    @Override
    public void execute(Runnable task) {
        if (rejecting) {
            rejected.incrementAndGet();
            throw new RejectedExecutionException("test executor is shutting down");
        }
        queue.add(task);
    }

    /** Runs the next task, waiting up to 5 s for one to be submitted by another thread. */
    void runNext() {
        takeNext().run();
    }

    /** Removes the next task without running it, waiting up to 5 s for one. */
    Runnable takeNext() {
        try {
            Runnable task = queue.poll(5, TimeUnit.SECONDS);
            if (task == null) {
                throw new AssertionError("no task was submitted within 5 s");
            }
            return task;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs every queued task, including those they submit. */
    void runAll() {
        Runnable task;
        while ((task = queue.poll()) != null) {
            task.run();
        }
    }

    int queued() {
        return queue.size();
    }

    void rejectFromNowOn(boolean reject) {
        this.rejecting = reject;
    }

    int rejected() {
        return rejected.get();
    }
}
