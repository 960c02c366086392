package vn.tracker.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Session attributes are written with an upsert. htmx pages send parallel requests in one session;
 * when two of them add the same new attribute, the second plain INSERT hit the primary key and the
 * user got HTTP 500 (seen in the console load test). MySQL/MariaDB and H2 in MySQL mode accept
 * {@code INSERT … ON DUPLICATE KEY UPDATE}.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    MySqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
        return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
