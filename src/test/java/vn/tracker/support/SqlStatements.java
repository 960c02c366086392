package vn.tracker.support;

import org.springframework.stereotype.Component;
import vn.tracker.ops.SqlStatementTally;

/**
 * Counts the SQL statements an action causes, for N+1 tests:
 *
 * <pre>
 * &#64;Autowired SqlStatements sql;
 * long n = sql.during(() -&gt; tester.document(query).execute().path("tasks").hasValue());
 * assertThat(n).isLessThanOrEqualTo(6);
 * </pre>
 *
 * Counts, with the product's one datasource-proxy listener (SqlStatementTally), the statements
 * run on HTTP request threads and on the calling thread while the action runs (background jobs
 * are not counted). Tests send one request at a time, so that is the request's cost.
 */
@Component
public class SqlStatements {

    private final SqlStatementTally counter;

    SqlStatements(SqlStatementTally counter) {
        this.counter = counter;
    }

    public long during(Runnable action) {
        return counter.countDuring(action);
    }
}
