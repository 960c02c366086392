package vn.tracker.support;

import org.springframework.stereotype.Component;
import vn.tracker.ops.SqlStatementCounter;

/**
 * Counts the SQL statements an action causes, for N+1 tests:
 *
 * <pre>
 * &#64;Autowired SqlStatements sql;
 * long n = sql.during(() -&gt; tester.document(query).execute().path("tasks").hasValue());
 * assertThat(n).isLessThanOrEqualTo(6);
 * </pre>
 *
 * Reads the growth of the application's statement counter (vn.tracker.ops, datasource-proxy), so
 * it sees the statements of the HTTP request the action sends. Tests run one at a time, and
 * nothing else runs SQL in between, so the growth is the request's.
 */
@Component
public class SqlStatements {

    private final SqlStatementCounter counter;

    SqlStatements(SqlStatementCounter counter) {
        this.counter = counter;
    }

    public long during(Runnable action) {
        long before = counter.total();
        action.run();
        return counter.total() - before;
    }
}
