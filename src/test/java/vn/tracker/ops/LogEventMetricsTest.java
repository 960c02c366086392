package vn.tracker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tracker.support.IntegrationTest;

/**
 * Log events are counted per level as logback_events_total, and without a Logback turbo filter,
 * which would be consulted on every level check (Hibernate's per-row trace checks included).
 */
@IntegrationTest
class LogEventMetricsTest {

    private static final Logger log = LoggerFactory.getLogger(LogEventMetricsTest.class);

    @Autowired
    MeterRegistry registry;

    @Test
    void writtenEventsAreCountedPerLevelAndLevelChecksCostNoFilter() {
        double warnBefore = count("warn");
        double debugBefore = count("debug");
        log.warn("counted: a warning for LogEventMetricsTest");
        log.debug("not written at the default level, so not counted");
        assertThat(count("warn") - warnBefore).isEqualTo(1.0);
        assertThat(count("debug") - debugBefore).isZero();
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()).isEmpty();
    }

    private double count(String level) {
        return registry.get("logback.events").tag("level", level).counter().count();
    }
}
