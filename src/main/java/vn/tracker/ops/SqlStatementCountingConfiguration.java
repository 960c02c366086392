package vn.tracker.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
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
class SqlStatementCountingConfiguration {

    @Bean
    SqlStatementCounter sqlStatementCounter() {
        return new SqlStatementCounter();
    }

    @Bean
    static BeanPostProcessor sqlCountingDataSourceWrapper(ObjectProvider<SqlStatementCounter> counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource)
                            .name(beanName)
                            .listener(new CountingListener(counter))
                            .build();
                }
                return bean;
            }
        };
    }

    @Bean
    MeterBinder sqlStatementMetrics(SqlStatementCounter counter) {
        return registry -> FunctionCounter.builder("tracker.sql.statements", counter, SqlStatementCounter::total)
                .description("SQL statements executed by the application")
                .register(registry);
    }

    private record CountingListener(ObjectProvider<SqlStatementCounter> counter) implements QueryExecutionListener {

        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            counter.getObject().statementsExecuted(1);
        }
    }
}
