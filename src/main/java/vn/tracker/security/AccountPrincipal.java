package vn.tracker.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in console user, carrying the {@link Actor} services authorise against. */
public class AccountPrincipal extends User {

    private final Actor actor;

    AccountPrincipal(String username, String password, boolean enabled, boolean accountNonLocked,
            Collection<? extends GrantedAuthority> authorities, Actor actor) {
        super(username, password, enabled, true, true, accountNonLocked, authorities);
        this.actor = actor;
    }

    public Actor actor() {
        return actor;
    }
}
