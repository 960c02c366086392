package vn.tracker.ops;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records how many SQL statements each HTTP request caused, as the distribution
 * `tracker_sql_statements_per_request{endpoint=graphql|console|api|actuator}`: its mean and max
 * show N+1 regressions in production, not just in tests. Statements run on other threads (none
 * today: GraphQL data fetchers run on the request thread) only reach the total counter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SqlStatementsPerRequestFilter extends OncePerRequestFilter {

    private final SqlStatementTally counter;
    private final MeterRegistry registry;

    SqlStatementsPerRequestFilter(SqlStatementTally counter, MeterRegistry registry) {
        this.counter = counter;
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long[] previous = counter.begin();
        try {
            chain.doFilter(request, response);
        } finally {
            long statements = counter.end(previous);
            DistributionSummary.builder("tracker.sql.statements.per.request")
                    .description("SQL statements caused by one HTTP request")
                    .baseUnit("statements")
                    .tag("endpoint", endpoint(request.getRequestURI()))
                    .publishPercentiles(0.5, 0.99)
                    .register(registry)
                    .record(statements);
        }
    }

    static String endpoint(String uri) {
        if (uri.startsWith("/graphql")) {
            return "graphql";
        }
        if (uri.startsWith("/api/")) {
            return "api";
        }
        if (uri.startsWith("/actuator")) {
            return "actuator";
        }
        return "console";
    }
}
