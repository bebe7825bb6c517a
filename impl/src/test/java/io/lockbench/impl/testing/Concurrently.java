package io.lockbench.impl.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs the same task on several threads that all start at the same instant, to make them collide. */
public final class Concurrently {

    /** The work of one thread; {@code worker} is 0 … threads-1. */
    @FunctionalInterface
    public interface Task<T> {
        T run(int worker) throws Exception;
    }

    private Concurrently() {
    }

    /** Runs {@code task} on {@code threads} threads and returns their results in worker order. */
    public static <T> List<T> run(int threads, Task<T> task) {
        return run(threads, Duration.ofMinutes(2), task);
    }

    public static <T> List<T> run(int threads, Duration timeout, Task<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int worker = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(worker);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<T> f : futures) {
                results.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (TimeoutException e) {
            throw new AssertionError("concurrent workers did not finish within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a concurrent worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
