package vn.tracker.security;

import java.util.HashMap;
import java.util.Map;
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
        if (agencyId == null) {
            return false;
        }
        Map<Long, Long> parentOf = new HashMap<>();
        agencies.findAllParentLinks().forEach(row -> parentOf.put((Long) row[0], (Long) row[1]));
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
