package vn.tracker.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the application's DataSource once with datasource-proxy so every statement (JPA, JDBC
 * templates, Flyway after start-up) is counted by {@link SqlStatementTally}; exposes the total as
 * `tracker_sql_statements_total`, and bumps the data generation with every write
 * ({@link DataWriteGeneration}). A JDBC batch counts once: it is one round trip to the database,
 * which is what statement counts are about (N+1 shows up as N round trips).
 */
@Configuration(proxyBeanMethods = false)
class SqlMetricsConfiguration {

    @Bean
    SqlStatementTally sqlStatementTally() {
        return new SqlStatementTally();
    }

    @Bean
    DataWriteGeneration dataWriteGeneration(SqlStatementTally tally) {
        return new DataWriteGeneration(tally);
    }

    @Bean
    static BeanPostProcessor sqlMetricsDataSourceWrapper(ObjectProvider<SqlStatementTally> tally,
            ObjectProvider<DataWriteGeneration> writes) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // One wrapper with one counting listener: each extra proxy layer costs on every
                // statement (and on bulk inserts), so metrics, benchmarks, N+1 tests and the data
                // generation of the response cache share it.
                if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                    DataWriteGeneration generation = writes.getObject();
                    return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(tally.getObject())
                            .listener(generation).methodListener(generation).build();
                }
                return bean;
            }
        };
    }

    @Bean
    MeterBinder sqlStatementMetrics(SqlStatementTally counter) {
        return registry -> FunctionCounter.builder("tracker.sql.statements", counter, SqlStatementTally::total)
                .description("SQL statements executed by the application")
                .register(registry);
    }
}
