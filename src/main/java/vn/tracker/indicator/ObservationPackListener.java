package vn.tracker.indicator;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps observation packs right when observations are written through JPA (the CSV importer, the
 * weekly review's indicators) rather than the ingest path: right after Hibernate wrote the row,
 * in the same transaction. An update is always preceded by a revision in those writers, so the
 * slot is marked revised (also harmless if one were not: a series then asks the revision table
 * and finds nothing).
 */
@Component
class ObservationPackListener {

    private final ObjectProvider<ObservationPacks> packs;

    ObservationPackListener(ObjectProvider<ObservationPacks> packs) {
        this.packs = packs;
    }

    @PostPersist
    void persisted(Observation o) {
        apply(o, slot(o, false));
    }

    @PostUpdate
    void updated(Observation o) {
        apply(o, slot(o, true));
    }

    @PostRemove
    void removed(Observation o) {
        apply(o, null);
    }

    private static ObservationPack.Slot slot(Observation o, boolean revised) {
        return new ObservationPack.Slot(o.getValue(), o.getNumerator(), o.getDenominator(), o.getAsOf(), revised);
    }

    private void apply(Observation o, ObservationPack.Slot slot) {
        Period period = Period.parse(o.getPeriod()).orElseThrow();
        packs.getObject().apply(List.of(new ObservationPacks.Change(o.getIndicator().getId(), o.getAgency().getId(),
                period, slot)));
    }
}
