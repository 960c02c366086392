package vn.tracker.common;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Transactions without connection preparation. By default Spring applies a read-only
 * transaction's flag to the JDBC connection: with MariaDB Connector/J that is a
 * {@code SET SESSION TRANSACTION READ ONLY} before and a {@code READ WRITE} after every read-only
 * transaction — two round trips around what is often a single SELECT (a 50-task GraphQL page ran
 * ten such transactions). Read-only keeps its meaning where it matters: Hibernate does not flush
 * and loads entities read-only, and {@code TransactionSynchronizationManager} still reports the
 * transaction as read-only (what a replica router keys on, ops/SCALING.md). Nothing in the
 * product asks for a per-transaction isolation level, which this setting would refuse.
 *
 * <p>The database no longer refuses writes in a read-only transaction, so the transaction manager
 * does instead: a read-write {@code @Transactional} method joining a read-only transaction fails
 * at once ({@code validateExistingTransaction}) rather than having its changes silently not
 * flushed.
 */
@Configuration(proxyBeanMethods = false)
class JdbcRoundTrips {

    @Bean
    static BeanPostProcessor unpreparedJpaConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HibernateJpaVendorAdapter adapter) {
                    adapter.setPrepareConnection(false);
                }
                if (bean instanceof AbstractPlatformTransactionManager transactions) {
                    transactions.setValidateExistingTransaction(true);
                }
                return bean;
            }
        };
    }
}
