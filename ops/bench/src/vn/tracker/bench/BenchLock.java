package vn.tracker.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The machine-wide benchmark lock (--lock FILE or BENCH_LOCK), held only while operations are
 * timed so loading never blocks another run. It is the same flock(2) lock as
 * {@code flock FILE cmd} (Java's FileChannel.lock is fcntl and would not exclude it): a child
 * {@code flock FILE sh -c 'echo locked; exec cat'} holds it until its stdin closes — on
 * {@link #close()} or when this JVM dies.
 */
final class BenchLock implements AutoCloseable {

    private final Process holder;

    private BenchLock(Process holder) {
        this.holder = holder;
    }

    static BenchLock acquire(String file) throws IOException {
        if (file == null || file.isBlank()) {
            return new BenchLock(null);
        }
        long start = System.nanoTime();
        Log.info("waiting for the benchmark lock %s", file);
        Process p = new ProcessBuilder("flock", file, "sh", "-c", "echo locked; exec cat")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"locked".equals(line)) {
            p.destroy();
            throw new IOException("could not take the benchmark lock " + file);
        }
        Log.info("benchmark lock taken after %.1f s", (System.nanoTime() - start) / 1e9);
        return new BenchLock(p);
    }

    @Override
    public void close() {
        if (holder == null) {
            return;
        }
        try {
            holder.getOutputStream().close();
            holder.waitFor();
        } catch (IOException | InterruptedException e) {
            holder.destroy();
        }
        Log.info("benchmark lock released");
    }
}
