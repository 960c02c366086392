package vn.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;
import vn.tracker.task.Task;

/**
 * Two people edit the same task at the same moment from the same version, over real HTTP: one
 * edit wins, the other gets CONFLICT, and the stored task is exactly the winner's (nothing lost,
 * nothing mixed).
 */
@IntegrationTest
class ConcurrentEditTest {

    private static final String REPORT = """
            mutation($code: String!, $progress: Int!, $result: String!, $version: Long!) {
              reportProgress(code: $code, status: IN_PROGRESS, progress: $progress, result: $result,
                reportedOn: "2026-01-05", expectedVersion: $version) { task { progress } errors { code } } }""";

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    vn.tracker.agency.AgencyRepository agencies;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void secondOfTwoConcurrentEditsGetsConflictAndTheFirstIsIntact() throws Exception {
        TestAgencies.ensure(agencies, tx);
        for (int round = 0; round < 3; round++) {
            Task task = fixtures.newTask(TestAgencies.OWN, LocalDate.of(2026, 6, 30));
            long version = task.getVersion();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<CompletableFuture<String>> edits = new ArrayList<>();
                for (int progress : new int[] {30, 70}) {
                    edits.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        List<String> codes = TestTokens.asAdmin(tester).document(REPORT)
                                .variables(Map.of("code", task.getCode(), "progress", progress,
                                        "result", "Người sửa " + progress, "version", version))
                                .execute().path("reportProgress.errors[*].code").entityList(String.class).get();
                        return codes.isEmpty() ? "OK" : String.join(",", codes);
                    }, pool));
                }
                start.countDown();
                List<String> outcomes = edits.stream().map(CompletableFuture::join).toList();
                assertThat(outcomes).containsExactlyInAnyOrder("OK", "CONFLICT");
                int winner = outcomes.get(0).equals("OK") ? 30 : 70;
                Task stored = fixtures.reload(task);
                assertThat(stored.getProgress()).isEqualTo(winner);
                assertThat(stored.getResult()).isEqualTo("Người sửa " + winner);
                assertThat(stored.getVersion()).isEqualTo(version + 1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
