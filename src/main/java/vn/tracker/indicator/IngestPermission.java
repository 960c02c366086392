package vn.tracker.indicator;

import vn.tracker.security.Actor;
import vn.tracker.security.CurrentActor;
import vn.tracker.security.Permissions;
import vn.tracker.security.Role;

/**
 * Who may record observations for which agency, decided once per request through
 * {@link Permissions}: the working group and admins for any agency, reporters and portal tokens
 * (with the report scope) for their own agency and those below it, viewers never.
 */
final class IngestPermission {

    private final boolean anyAgency;
    private final Long ownAgency;
    private final AgencyTree.View tree;

    private IngestPermission(boolean anyAgency, Long ownAgency, AgencyTree.View tree) {
        this.anyAgency = anyAgency;
        this.ownAgency = ownAgency;
        this.tree = tree;
    }

    /** Throws AccessDeniedException when the caller may not record observations at all. */
    static IngestPermission of(Permissions permissions, AgencyTree.View tree) {
        Actor actor = CurrentActor.get();
        if (actor.role() == Role.ADMIN || actor.role() == Role.WORKING_GROUP) {
            permissions.requireWorkingGroup();
            return new IngestPermission(true, null, tree);
        }
        // Same rule as writing the agency's own tasks: role, report scope and an agency of its own.
        permissions.requireTaskWrite(actor.agencyId());
        return new IngestPermission(false, actor.agencyId(), tree);
    }

    boolean allows(long agencyId) {
        return anyAgency || tree.isSameOrBelow(agencyId, ownAgency);
    }
}
