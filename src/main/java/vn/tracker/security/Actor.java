package vn.tracker.security;

import java.util.Set;

/**
 * Who is acting: a signed-in user or an API token. The principal of every authentication this
 * product creates, so services can authorise by role, scope and agency.
 */
public record Actor(String name, Role role, Set<Scope> scopes, Long agencyId, boolean token) {

    public static final Actor SYSTEM = new Actor("system", Role.ADMIN, Set.of(Scope.values()), null, false);
}
