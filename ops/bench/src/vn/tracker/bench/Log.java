package vn.tracker.bench;

/** Progress goes to stderr; stdout carries only the results (one line with --quick). */
final class Log {

    private Log() {
    }

    static void info(String format, Object... args) {
        System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
