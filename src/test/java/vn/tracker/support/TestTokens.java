package vn.tracker.support;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Credentials the integration tests use. The admin token is created by the bootstrap mechanism. */
public final class TestTokens {

    public static final String ADMIN = "test-admin-token-0123456789";

    private TestTokens() {
    }

    public static HttpGraphQlTester asAdmin(HttpGraphQlTester tester) {
        return tester.mutate().header("Authorization", "Bearer " + ADMIN).build();
    }

    /**
     * The same tester asking past the response cache ({@code Cache-Control: no-cache}): statement
     * counting tests measure the work of answering, not a cache hit or the generation read.
     */
    public static HttpGraphQlTester uncached(HttpGraphQlTester tester) {
        return tester.mutate().header("Cache-Control", "no-cache").build();
    }
}
