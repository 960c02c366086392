package vn.tracker.security;

import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code tracker.security}: what a mature deployment tunes without a code change
 * (lockout thresholds, the Content-Security-Policy, rate limits).
 */
@ConfigurationProperties("tracker.security")
public class SecuritySettings {

    /** Requests to /graphql without credentials act as a read-only viewer (demo profile only). */
    private boolean anonymousRead;

    /** Value of an admin API token that must exist (TRACKER_BOOTSTRAP_ADMIN_TOKEN wins). */
    private String bootstrapAdminToken = "";

    private final Lockout lockout = new Lockout();

    /** Largest accepted /graphql request body. */
    private DataSize maxGraphqlRequestSize = DataSize.ofMegabytes(5);

    private final RateLimit rateLimit = new RateLimit();

    /** CSP of every page and API answer: only the application's own scripts run. */
    private String contentSecurityPolicy = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * CSP of the GraphiQL page only (when GraphiQL is enabled): Spring for GraphQL's page loads its
     * editor as ES modules from esm.sh with an inline import map.
     */
    private String graphiqlContentSecurityPolicy = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' https://esm.sh; style-src 'self' 'unsafe-inline' https://esm.sh; "
            + "img-src 'self' data: https://esm.sh; font-src 'self' data: https://esm.sh; connect-src 'self' https://esm.sh; "
            + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public boolean isAnonymousRead() {
        return anonymousRead;
    }

    public void setAnonymousRead(boolean anonymousRead) {
        this.anonymousRead = anonymousRead;
    }

    public String getBootstrapAdminToken() {
        return bootstrapAdminToken;
    }

    public void setBootstrapAdminToken(String bootstrapAdminToken) {
        this.bootstrapAdminToken = bootstrapAdminToken;
    }

    public DataSize getMaxGraphqlRequestSize() {
        return maxGraphqlRequestSize;
    }

    public void setMaxGraphqlRequestSize(DataSize maxGraphqlRequestSize) {
        this.maxGraphqlRequestSize = maxGraphqlRequestSize;
    }

    public Lockout getLockout() {
        return lockout;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public String getContentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    public void setContentSecurityPolicy(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    public String getGraphiqlContentSecurityPolicy() {
        return graphiqlContentSecurityPolicy;
    }

    public void setGraphiqlContentSecurityPolicy(String graphiqlContentSecurityPolicy) {
        this.graphiqlContentSecurityPolicy = graphiqlContentSecurityPolicy;
    }

    /** Sign-in lockout: after maxAttempts wrong passwords in a row the account is locked for duration. */
    public static class Lockout {

        private int maxAttempts = 5;
        private Duration duration = Duration.ofMinutes(15);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getDuration() {
            return duration;
        }

        public void setDuration(Duration duration) {
            this.duration = duration;
        }
    }

    /** Token buckets on /graphql: requests per period, per API token and per client address. */
    public static class RateLimit {

        private boolean enabled = true;
        private long perToken = 600;
        private long perAddress = 300;
        private Duration period = Duration.ofMinutes(1);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public long getPerToken() {
            return perToken;
        }

        public void setPerToken(long perToken) {
            this.perToken = perToken;
        }

        public long getPerAddress() {
            return perAddress;
        }

        public void setPerAddress(long perAddress) {
            this.perAddress = perAddress;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }
    }
}
