package vn.tracker.bench;

/** Progress goes to stderr; stdout carries only the results (one line with --quick). */
public final class Log {

    private Log() {
    }

    public static void info(String format, Object... args) {
        System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
