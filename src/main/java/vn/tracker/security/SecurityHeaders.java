package vn.tracker.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Response headers for every chain: Spring Security's defaults (nosniff, frame DENY, no-cache,
 * HSTS on HTTPS) plus a Content-Security-Policy that lets only the application's own scripts run,
 * a strict referrer policy and a permissions policy switching off device APIs. GraphiQL, when
 * enabled, gets its own policy because its page loads the editor from a CDN.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static Customizer<HeadersConfigurer<org.springframework.security.config.annotation.web.builders.HttpSecurity>> of(
            SecuritySettings settings) {
        RequestMatcher graphiql = PathPatternRequestMatcher.withDefaults().matcher("/graphiql/**");
        RequestMatcher graphiqlRoot = PathPatternRequestMatcher.withDefaults().matcher("/graphiql");
        RequestMatcher isGraphiql = request -> graphiql.matches(request) || graphiqlRoot.matches(request);
        return headers -> headers
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(isGraphiql),
                        new ContentSecurityPolicyHeaderWriter(settings.getContentSecurityPolicy())))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(isGraphiql,
                        new ContentSecurityPolicyHeaderWriter(settings.getGraphiqlContentSecurityPolicy())));
    }
}
