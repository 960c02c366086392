package vn.tracker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.Agency;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;

/**
 * Id lists bound as padded single parameters give the same rows as a plain {@code IN} list, for
 * every size around the padding steps and beyond one chunk, in one statement per chunk.
 */
@IntegrationTest
class IdListQueryTest {

    @Autowired
    EntityManager em;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlStatements sql;

    @Test
    void paddedSizesArePowersOfTwoUpToOneChunk() {
        assertThat(IdListQuery.paddedSize(0)).isEqualTo(2);
        assertThat(IdListQuery.paddedSize(1)).isEqualTo(2);
        assertThat(IdListQuery.paddedSize(2)).isEqualTo(2);
        assertThat(IdListQuery.paddedSize(3)).isEqualTo(4);
        assertThat(IdListQuery.paddedSize(50)).isEqualTo(64);
        assertThat(IdListQuery.paddedSize(64)).isEqualTo(64);
        assertThat(IdListQuery.paddedSize(65)).isEqualTo(128);
        assertThat(IdListQuery.paddedSize(1024)).isEqualTo(1024);
    }

    @Test
    void everyShapeIsTranslatedOnceAndThenServedFromThePlanCache() {
        QueryInterpretationCache plans = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getQueryEngine().getInterpretationCache();
        transactions.executeWithoutResult(status -> {
            List<Long> all = em.createQuery("select a.id from Agency a order by a.id", Long.class).getResultList();
            // A query text no other test uses, so its plans are counted from zero.
            String jpql = "select a.code from Agency a where a.id in (:ids) and a.code <> 'plan-cache-probe'";
            for (int n : new int[] {1, 2, 3}) {
                int before = plans.getNumberOfCachedQueryPlans();
                IdListQuery.list(em, jpql, String.class, all.subList(0, n));
                int afterFirst = plans.getNumberOfCachedQueryPlans();
                IdListQuery.list(em, jpql, String.class, all.subList(1, n + 1));
                assertThat(plans.getNumberOfCachedQueryPlans()).as("%d ids, again", n).isEqualTo(afterFirst);
                // One new plan for a new shape (1 and 2 ids share one), none for a shape seen before.
                assertThat(afterFirst - before).as("%d ids", n).isEqualTo(n == 2 ? 0 : 1);
            }
        });
    }

    @Test
    void sameRowsAsAnInListForEverySize() {
        transactions.executeWithoutResult(status -> {
            List<Long> all = em.createQuery("select a.id from Agency a order by a.id", Long.class).getResultList();
            assertThat(all).hasSizeGreaterThan(5);
            for (int n : new int[] {1, 2, 3, 5, all.size()}) {
                List<Long> ids = all.subList(0, n);
                List<Long> expected = em.createQuery("select a.id from Agency a where a.id in :ids order by a.id", Long.class)
                        .setParameter("ids", ids).getResultList();
                List<Long> got = IdListQuery.list(em, "select a from Agency a where a.id in (:ids)", Agency.class, ids)
                        .stream().map(Agency::getId).sorted().toList();
                assertThat(got).as("%d ids", n).isEqualTo(expected).hasSize(n);
            }
        });
    }

    @Test
    void unknownIdsDuplicatesAndExtraParameters() {
        transactions.executeWithoutResult(status -> {
            Long first = em.createQuery("select min(a.id) from Agency a", Long.class).getSingleResult();
            List<Long> ids = List.of(first, first, -1L, -2L);
            assertThat(IdListQuery.list(em, "select a.id from Agency a where a.id in (:ids) and a.id >= :min",
                    Long.class, ids, "min", first)).containsExactly(first);
            assertThat(IdListQuery.list(em, "select a.id from Agency a where a.id in (:ids) and a.id > :min",
                    Long.class, ids, "min", first)).isEmpty();
        });
    }

    @Test
    void longListsRunInChunksOfOneStatementEach() {
        transactions.executeWithoutResult(status -> {
            Long first = em.createQuery("select min(a.id) from Agency a", Long.class).getSingleResult();
            // Ids that mostly do not exist: the point is the statement count and the answer.
            List<Long> ids = new ArrayList<>(LongStream.range(-IdListQuery.CHUNK - 10, 0).boxed().toList());
            ids.add(first);
            List<List<Long>> answers = new ArrayList<>();
            long statements = sql.during(() -> {
                answers.add(IdListQuery.list(em, "select a.id from Agency a where a.id in (:ids)", Long.class, ids));
                answers.add(IdListQuery.list(em, "select a.id from Agency a where a.id in (:ids)", Long.class, List.of()));
            });
            assertThat(answers.get(0)).containsExactly(first);
            assertThat(answers.get(1)).isEmpty();
            assertThat(statements).isEqualTo(2);
        });
    }

    @Test
    void aQueryWithoutTheListIsRefused() {
        assertThatThrownBy(() -> IdListQuery.list(em, "select a from Agency a where a.id in :ids", Agency.class,
                List.of(1L))).isInstanceOf(IllegalArgumentException.class);
    }
}
