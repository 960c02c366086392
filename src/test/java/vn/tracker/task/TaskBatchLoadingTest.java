package vn.tracker.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;
import vn.tracker.support.TestTokens;

/** Nested task fields load in batches: the statement count does not grow with the page size. */
@IntegrationTest
class TaskBatchLoadingTest {

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    SqlStatements sql;

    long statementsFor(String query) {
        HttpGraphQlTester admin = TestTokens.asAdmin(tester);
        admin.document(query).execute(); // warm-up: first-use initialisation is not what we measure
        return sql.during(() -> admin.document(query).execute().path("tasks.edges").hasValue());
    }

    @Test
    void countsTheStatementsOfARequest() {
        assertThat(statementsFor("{ tasks(first: 3) { edges { node { code } } } }")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void nestedReferencesDoNotMultiplyWithThePageSize() {
        String nested = "{ tasks(first: %d) { edges { node { code leadAgency { name } "
                + "coordinatingAgencies { code } directive { code } } } } }";
        long small = statementsFor(nested.formatted(5));
        long large = statementsFor(nested.formatted(100));
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(6);
    }
}
