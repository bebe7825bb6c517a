package io.lockbench.stress.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.api.Completion;
import io.lockbench.stress.history.JsonLinesReader;
import io.lockbench.stress.history.LoadedHistory;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.OpType;
import io.lockbench.stress.workload.OpSpec;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

    @TempDir
    Path dir;

    @Test
    void manyClientsAppendingFasterThanTheFlusher_writeEveryOpOnceInIndexOrder() throws Exception {
        Path file = dir.resolve("history.jsonl");
        int threads = 4;
        int pairsEach = 5_000;
        int maxBacklog = 64; // far below what four clients append between two flushes: they drain too
        List<Op> inMemory;
        try (OutputStream out = Files.newOutputStream(file)) {
            Recorder recorder = new Recorder(out, System.nanoTime(), maxBacklog);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long process = t;
                Thread client = new Thread(() -> {
                    awaitQuietly(go);
                    for (int i = 0; i < pairsEach; i++) {
                        OpSpec spec = new OpSpec("write", "k" + (i % 16), Map.of("expected", i, "content", "c" + i));
                        recorder.invoke(process, spec);
                        recorder.complete(process, spec, i % 3 == 0 ? Completion.fail("CONFLICT", "lost") : Completion.ok(i));
                    }
                });
                client.start();
                clients.add(client);
            }
            go.countDown();
            for (Thread client : clients) {
                client.join();
            }
            recorder.nemesis("kill", "terminated 2 backends");
            recorder.close();
            inMemory = recorder.ops();
        }

        LoadedHistory read = JsonLinesReader.read(file);
        assertThat(read.warnings()).isEmpty();
        List<Op> onDisk = read.history().ops();
        assertThat(onDisk).hasSize(threads * pairsEach * 2 + 2).hasSameSizeAs(inMemory);
        for (int i = 0; i < onDisk.size(); i++) {
            assertThat(onDisk.get(i).index()).isEqualTo(i);
            assertThat(onDisk.get(i).type()).isEqualTo(inMemory.get(i).type());
            assertThat(onDisk.get(i).process()).isEqualTo(inMemory.get(i).process());
            assertThat(onDisk.get(i).time()).isEqualTo(inMemory.get(i).time());
        }
        assertThat(onDisk.get(onDisk.size() - 1).type()).isEqualTo(OpType.INFO);
    }

    @Test
    void recordedOps_reachTheFileWhileTheRunGoesOn() throws Exception {
        Path file = dir.resolve("history.jsonl");
        try (OutputStream out = Files.newOutputStream(file); Recorder recorder = new Recorder(out, System.nanoTime())) {
            recorder.invoke(0, new OpSpec("read", "k1", null));
            // No fixed deadline is asserted: the flusher writes within milliseconds, and a slow
            // machine only makes this wait longer, never fail.
            while (Files.size(file) == 0) {
                Thread.sleep(Recorder.FLUSH_EVERY_MS);
            }
            assertThat(Files.readString(file)).contains("\"read\"").endsWith("\n");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
