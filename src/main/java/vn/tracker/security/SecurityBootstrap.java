package vn.tracker.security;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** If TRACKER_BOOTSTRAP_ADMIN_TOKEN is set, an admin API token with that value exists. */
@Component
@Order(20)
class SecurityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecurityBootstrap.class);

    private final ApiTokenService tokens;
    private final String bootstrapToken;

    SecurityBootstrap(ApiTokenService tokens,
            @Value("${TRACKER_BOOTSTRAP_ADMIN_TOKEN:${tracker.security.bootstrap-admin-token:}}") String bootstrapToken) {
        this.tokens = tokens;
        this.bootstrapToken = bootstrapToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (bootstrapToken != null && !bootstrapToken.isBlank()) {
            tokens.ensure("bootstrap-admin", bootstrapToken, EnumSet.allOf(Scope.class));
            log.info("Bootstrap admin API token is present (from TRACKER_BOOTSTRAP_ADMIN_TOKEN)");
        }
    }
}
