package vn.tracker.indicator;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;

/**
 * Keeps observation packs right when observations are written through JPA (the CSV importer, the
 * weekly review's indicators) rather than the ingest path: the changes of a transaction are
 * collected per Hibernate session and written into their packs once, right before it commits
 * (after Hibernate's last flush), as the ingest path writes them once per batch — not two
 * statements per observation. A rollback drops them. An update is always preceded by a revision
 * in those writers, so the slot is marked revised (also harmless if one were not: a series then
 * asks the revision table and finds nothing).
 */
@Component
class ObservationPackListener {

    private final ObjectProvider<ObservationPacks> packs;
    private final ObjectProvider<EntityManagerFactory> entityManagerFactory;
    private final Map<SharedSessionContractImplementor, List<ObservationPacks.Change>> pending =
            new ConcurrentHashMap<>();

    ObservationPackListener(ObjectProvider<ObservationPacks> packs,
            ObjectProvider<EntityManagerFactory> entityManagerFactory) {
        this.packs = packs;
        this.entityManagerFactory = entityManagerFactory;
    }

    @PostPersist
    void persisted(Observation o) {
        collect(o, slot(o, false));
    }

    @PostUpdate
    void updated(Observation o) {
        collect(o, slot(o, true));
    }

    @PostRemove
    void removed(Observation o) {
        collect(o, null);
    }

    private static ObservationPack.Slot slot(Observation o, boolean revised) {
        return new ObservationPack.Slot(o.getValue(), o.getNumerator(), o.getDenominator(), o.getAsOf(), revised);
    }

    private void collect(Observation o, ObservationPack.Slot slot) {
        Period period = Period.parse(o.getPeriod()).orElseThrow();
        ObservationPacks.Change change = new ObservationPacks.Change(o.getIndicator().getId(), o.getAgency().getId(),
                period, slot);
        jakarta.persistence.EntityManager em = EntityManagerFactoryUtils
                .getTransactionalEntityManager(entityManagerFactory.getObject());
        if (em == null) { // not in a Spring-managed transaction: nothing to wait for
            packs.getObject().apply(List.of(change));
            return;
        }
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        pending.computeIfAbsent(session, s -> {
            // First observation of this transaction: write the packs once, before commit.
            s.getTransactionCompletionCallbacks().registerCallback(
                    (TransactionCompletionCallbacks.BeforeCompletionCallback) done -> {
                        List<ObservationPacks.Change> changes = pending.remove(done);
                        if (changes != null && !changes.isEmpty()) {
                            packs.getObject().apply(changes);
                        }
                    });
            s.getTransactionCompletionCallbacks().registerCallback(
                    (TransactionCompletionCallbacks.AfterCompletionCallback) (success, done) -> pending.remove(done));
            return new ArrayList<>();
        }).add(change);
    }
}
