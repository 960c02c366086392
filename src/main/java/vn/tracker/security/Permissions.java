package vn.tracker.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.AgencyRepository;

/**
 * Authorisation rules, checked in the service layer so the console and the API share them:
 * reporters change only tasks led by their agency or an agency below it; viewers and read-only
 * tokens never write; the working group annotates any task; admins manage reference data.
 */
@Service
public class Permissions {

    private final AgencyRepository agencies;

    Permissions(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    /** Report progress, evidence or edit a task led by the given agency. */
    @Transactional(readOnly = true)
    public void requireTaskWrite(Long leadAgencyId) {
        Actor actor = CurrentActor.get();
        switch (actor.role()) {
            case ADMIN, WORKING_GROUP -> requireScope(actor, Scope.REPORT);
            case AGENCY_REPORTER, PORTAL -> {
                requireScope(actor, Scope.REPORT);
                if (actor.agencyId() == null || !isSameOrBelow(leadAgencyId, actor.agencyId())) {
                    throw denied();
                }
            }
            case VIEWER -> throw denied();
        }
    }

    /** Write an annotation (reason for delay) on any task. */
    public void requireAnnotate(Long leadAgencyId) {
        Actor actor = CurrentActor.get();
        if (actor.role() == Role.ADMIN || actor.role() == Role.WORKING_GROUP) {
            requireScope(actor, Scope.REPORT);
            return;
        }
        requireTaskWrite(leadAgencyId);
    }

    /**
     * Which of these lead agencies' tasks the current user may annotate: the rule of
     * {@link #requireAnnotate} for a whole list at once (at most one statement), so a console list
     * offers the annotation form only where saving it would be allowed.
     */
    @Transactional(readOnly = true)
    public Set<Long> annotatable(Collection<Long> leadAgencyIds) {
        Actor actor = CurrentActor.find().orElse(null);
        if (actor == null || !actor.scopes().contains(Scope.REPORT) || leadAgencyIds.isEmpty()) {
            return Set.of();
        }
        return switch (actor.role()) {
            case ADMIN, WORKING_GROUP -> Set.copyOf(leadAgencyIds);
            case AGENCY_REPORTER, PORTAL -> {
                if (actor.agencyId() == null) {
                    yield Set.of();
                }
                Map<Long, Long> parentOf = parentLinks();
                Set<Long> allowed = new HashSet<>();
                for (Long id : leadAgencyIds) {
                    if (isSameOrBelow(parentOf, id, actor.agencyId())) {
                        allowed.add(id);
                    }
                }
                yield allowed;
            }
            case VIEWER -> Set.of();
        };
    }

    /** Working-group business: close reviews, raise health, manage the review. */
    public void requireWorkingGroup() {
        Actor actor = CurrentActor.get();
        if (actor.role() != Role.ADMIN && actor.role() != Role.WORKING_GROUP) {
            throw denied();
        }
        requireScope(actor, Scope.REPORT);
    }

    /** Reference data (agencies, directives, pilot models, indicators, categories) and users. */
    public void requireAdmin() {
        Actor actor = CurrentActor.get();
        if (actor.role() != Role.ADMIN) {
            throw denied();
        }
        requireScope(actor, Scope.ADMIN);
    }

    private static void requireScope(Actor actor, Scope scope) {
        if (!actor.scopes().contains(scope)) {
            throw denied();
        }
    }

    private boolean isSameOrBelow(Long agencyId, Long ancestorId) {
        return agencyId != null && isSameOrBelow(parentLinks(), agencyId, ancestorId);
    }

    private Map<Long, Long> parentLinks() {
        Map<Long, Long> parentOf = new HashMap<>();
        agencies.findAllParentLinks().forEach(row -> parentOf.put((Long) row[0], (Long) row[1]));
        return parentOf;
    }

    private static boolean isSameOrBelow(Map<Long, Long> parentOf, Long agencyId, Long ancestorId) {
        if (agencyId == null) {
            return false;
        }
        Long current = agencyId;
        for (int depth = 0; current != null && depth < 64; depth++) {
            if (current.equals(ancestorId)) {
                return true;
            }
            current = parentOf.get(current);
        }
        return false;
    }

    private static AccessDeniedException denied() {
        return new AccessDeniedException("Không có quyền / forbidden");
    }
}
