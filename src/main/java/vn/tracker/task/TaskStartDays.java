package vn.tracker.task;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.tracker.directive.DirectiveIssuedOnChanged;

/**
 * Keeps task.start_day in step when the issued date of the directive that assigned a task changes:
 * tasks without a start date count from that date ({@link Task#startFrom}). Runs in the directive
 * change's transaction, as a bulk update (a derived column: no version bump, no audit entry).
 */
@Component
class TaskStartDays {

    private final EntityManager em;

    TaskStartDays(EntityManager em) {
        this.em = em;
    }

    @EventListener
    void directiveIssuedOnChanged(DirectiveIssuedOnChanged change) {
        if (change.issuedOn() != null) {
            em.createQuery("update Task t set t.startDay = :day where t.directive.id = :directive and t.startOn is null")
                    .setParameter("day", (int) change.issuedOn().toEpochDay())
                    .setParameter("directive", change.directiveId()).executeUpdate();
            return;
        }
        // No issued date any more: each task falls back to the day it was created.
        Map<Integer, List<Long>> idsByDay = new TreeMap<>();
        em.createQuery("select t.id, t.createdAt from Task t where t.directive.id = :directive and t.startOn is null",
                        Object[].class).setParameter("directive", change.directiveId()).getResultList()
                .forEach(row -> {
                    LocalDate day = Task.startFrom(null, null, (Instant) row[1]);
                    idsByDay.computeIfAbsent((int) day.toEpochDay(), d -> new ArrayList<>()).add((Long) row[0]);
                });
        idsByDay.forEach((day, ids) -> em.createQuery("update Task t set t.startDay = :day where t.id in :ids")
                .setParameter("day", day).setParameter("ids", ids).executeUpdate());
    }
}
