package vn.tracker.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two filter chains: bearer tokens for the API (/graphql, /api/**), which also accepts a signed-in
 * console user's session (with the CSRF header), and form login with a database-backed session
 * (Spring Session JDBC) and CSRF for the console.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, SecuritySettings settings)
            throws Exception {
        RateLimiter limiter = new RateLimiter(settings.getRateLimit().getPeriod());
        http.securityMatcher("/graphql", "/graphql/**", "/api/**")
                // Bearer tokens are not sent by browsers on their own, so CSRF cannot ride on them;
                // a signed-in console user's session cookie can, so those calls need the CSRF header.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::isCookieAuthenticatedWrite))
                // Never creates a session, but honours the console's: signed-in users (and GraphiQL
                // in their browser) call the API as themselves.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(c -> c.securityContextRepository(new ReadOnlySessionContextRepository()))
                .headers(SecurityHeaders.of(settings))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, settings.isAnonymousRead()),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(RateLimitFilter.byAddress(limiter, settings.getRateLimit()),
                        ApiTokenAuthenticationFilter.class)
                .addFilterAfter(RateLimitFilter.byCaller(limiter, settings.getRateLimit()),
                        ApiTokenAuthenticationFilter.class)
                .addFilterBefore(new RequestSizeFilter(settings.getMaxGraphqlRequestSize().toBytes()),
                        ApiTokenAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new GraphQlAuthenticationEntryPoint()));
        return http.build();
    }

    private static boolean isCookieAuthenticatedWrite(HttpServletRequest request) {
        boolean safeMethod = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
        return !safeMethod && request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null;
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, SecuritySettings settings, LoginAttempts attempts)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/images/**",
                                "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**",
                                "/graphiql", "/graphiql/**")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .headers(SecurityHeaders.of(settings))
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .successHandler(new LoginSuccessHandler(attempts))
                        .failureHandler(new LoginFailureHandler(attempts)))
                .logout(l -> l.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
