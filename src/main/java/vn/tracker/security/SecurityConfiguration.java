package vn.tracker.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two filter chains: stateless bearer tokens for the API (/graphql, /api/**), and form login
 * with a database-backed session (Spring Session JDBC) and CSRF for the console.
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
        http.securityMatcher("/graphql", "/graphql/**", "/api/**")
                // Bearer tokens are not sent by browsers on their own, so CSRF cannot ride on them.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityHeaders.of(settings))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, settings.isAnonymousRead()),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new GraphQlAuthenticationEntryPoint()));
        return http.build();
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
