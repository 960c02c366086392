package vn.tracker.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@code logback_events_total{level}}: log events written, per level — the meter Micrometer's
 * {@code LogbackMetrics} gives, counted by an appender instead of a turbo filter. Logback asks every
 * turbo filter on every level check, and Hibernate checks {@code isTraceEnabled()} many times per
 * row it reads: with Micrometer's filter installed those checks were ~5 % of a portal request's
 * CPU in a JFR profile of the load test (issue 8). An appender only sees events that are written.
 * Boot's {@code LogbackMetricsAutoConfiguration} is excluded in application.yml.
 */
@Component
class LogEventMetrics implements MeterBinder, DisposableBean {

    private enum Tagged { ERROR, WARN, INFO, DEBUG, TRACE }

    private final Map<Tagged, List<Counter>> counters = new EnumMap<>(Tagged.class);
    private final CountingAppender appender = new CountingAppender();

    LogEventMetrics() {
        for (Tagged level : Tagged.values()) {
            counters.put(level, new CopyOnWriteArrayList<>());
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Tagged level : Tagged.values()) {
            counters.get(level).add(Counter.builder("logback.events").tag("level", level.name().toLowerCase())
                    .description("Number of log events that were enabled by the effective log level")
                    .baseUnit("events").register(registry));
        }
        if (!appender.isStarted() && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            appender.setContext(context);
            appender.setName("tracker-log-event-metrics");
            appender.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        }
    }

    @Override
    public void destroy() {
        if (appender.isStarted() && appender.getContext() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }

    private final class CountingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

        @Override
        protected void append(ILoggingEvent event) {
            Tagged level = switch (event.getLevel().toInt()) {
                case Level.ERROR_INT -> Tagged.ERROR;
                case Level.WARN_INT -> Tagged.WARN;
                case Level.INFO_INT -> Tagged.INFO;
                case Level.DEBUG_INT -> Tagged.DEBUG;
                default -> Tagged.TRACE;
            };
            counters.get(level).forEach(Counter::increment);
        }
    }
}
