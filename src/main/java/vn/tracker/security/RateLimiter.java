package vn.tracker.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * In-memory token buckets (Bucket4j), one per key (an API token, a user, a client address). Idle
 * buckets expire, so a flood of distinct addresses cannot grow memory without bound. Each instance
 * limits on its own: behind a load balancer the effective limit is the sum over instances.
 */
// Interval refill: the whole allowance comes back at the end of each period, so "N per minute"
// means what it says (a greedy refill would trickle requests back in all the time).
final class RateLimiter {

    private final Cache<String, Bucket> buckets;
    private final Duration period;

    RateLimiter(Duration period) {
        this.period = period;
        this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(period.multipliedBy(2)).build();
    }

    /** Takes one request from the key's bucket; empty when allowed, else the seconds to wait. */
    OptionalLong tryAcquire(String key, long limitPerPeriod) {
        Bucket bucket = buckets.get(key + "|" + limitPerPeriod, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limitPerPeriod).refillIntervally(limitPerPeriod, period).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }
}
