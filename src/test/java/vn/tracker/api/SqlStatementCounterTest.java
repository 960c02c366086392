package vn.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestTokens;

/** The counter sees the statements of a request, and nested task fields load in batches. */
@IntegrationTest
class SqlStatementCounterTest {

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    SqlStatementCounter counter;

    long statementsFor(String query) {
        HttpGraphQlTester admin = TestTokens.asAdmin(tester);
        admin.document(query).execute(); // warm-up: token lookup caches, lazy init
        return counter.countDuring(() -> admin.document(query).execute().path("tasks.edges").hasValue());
    }

    @Test
    void countsStatementsOfARequest() {
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
