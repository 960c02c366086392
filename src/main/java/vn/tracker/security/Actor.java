package vn.tracker.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is acting: a signed-in user or an API token. The principal of every authentication this
 * product creates, so services can authorise by role, scope and agency. Serializable because a
 * console user's security context is stored in the database session (Spring Session JDBC).
 */
public record Actor(String name, Role role, Set<Scope> scopes, Long agencyId, boolean token) implements Serializable {

    public static final Actor SYSTEM = new Actor("system", Role.ADMIN, Set.of(Scope.values()), null, false);
}
