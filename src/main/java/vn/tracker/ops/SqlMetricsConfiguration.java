package vn.tracker.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the application's DataSource with datasource-proxy so every statement (JPA, JDBC
 * templates, Flyway after start-up) is counted; exposes the total as
 * `tracker_sql_statements_total`. A JDBC batch counts once: it is one round trip to the database,
 * which is what statement counts are about (N+1 shows up as N round trips).
 */
@Configuration(proxyBeanMethods = false)
class SqlMetricsConfiguration {

    @Bean
    SqlStatementTally sqlStatementTally() {
        return new SqlStatementTally();
    }

    @Bean
    static BeanPostProcessor sqlMetricsDataSourceWrapper(ObjectProvider<SqlStatementTally> counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // A JDK proxy rather than a ProxyDataSource, and wrapping whatever is there: another
                // datasource-proxy wrapper (the N+1 counter the tests use) may wrap before or after
                // this one, and both must see every statement.
                if (bean instanceof DataSource dataSource) {
                    return ProxyDataSourceBuilder.create(dataSource)
                            .name(beanName)
                            .listener(new CountingListener(counter))
                            .buildProxy();
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

    private record CountingListener(ObjectProvider<SqlStatementTally> counter) implements QueryExecutionListener {

        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            counter.getObject().statementsExecuted(1);
        }
    }
}
