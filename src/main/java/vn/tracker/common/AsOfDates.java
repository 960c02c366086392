package vn.tracker.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The default as-of date: today in Asia/Ho_Chi_Minh. Every derived answer takes an explicit
 * as-of date and falls back to this one, so the same inputs and date give the same answer.
 */
@Component
public class AsOfDates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock clock;

    public AsOfDates(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public LocalDate orToday(LocalDate asOf) {
        return asOf != null ? asOf : today();
    }
}
