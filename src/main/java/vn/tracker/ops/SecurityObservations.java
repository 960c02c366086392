package vn.tracker.ops;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observations around Spring Security's filters, authentications and
 * authorizations. With Actuator's observation registry present, Spring Security wraps every
 * filter of a chain (about fifteen) in an observation on every request: a fixed CPU cost per
 * request for spans nobody collects (the product exports metrics, no traces), while request
 * latency is already {@code http_server_requests_seconds} and {@code graphql_request_seconds}.
 * Turn them on for a diagnosis with {@code tracker.observability.security-observations=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tracker.observability.security-observations", havingValue = "false",
        matchIfMissing = true)
class SecurityObservations {

    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
