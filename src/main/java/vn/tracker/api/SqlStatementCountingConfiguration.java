package vn.tracker.api;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the application's DataSource in a datasource-proxy that reports every executed statement
 * to {@link SqlStatementCounter}. Counting is a cheap increment, so it stays on in production too
 * (metrics can read it); the pool itself is untouched (the proxy unwraps to it).
 */
@Configuration(proxyBeanMethods = false)
class SqlStatementCountingConfiguration {

    @Bean
    static SqlStatementCounter sqlStatementCounter() {
        return new SqlStatementCounter();
    }

    @Bean
    static BeanPostProcessor statementCountingDataSourceWrapper(ObjectProvider<SqlStatementCounter> counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource).name(beanName)
                            .listener(counter.getObject()).build();
                }
                return bean;
            }
        };
    }
}
