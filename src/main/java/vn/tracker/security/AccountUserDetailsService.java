package vn.tracker.security;

import java.util.Set;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Console sign-in against the accounts table. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final LoginAttempts attempts;

    AccountUserDetailsService(UserAccountRepository accounts, LoginAttempts attempts) {
        this.accounts = accounts;
        this.attempts = attempts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        boolean locked = attempts.isLocked(account);
        Actor actor = actorOf(account);
        return new AccountPrincipal(account.getUsername(), account.getPasswordHash(), account.isEnabled(), !locked,
                ApiTokenAuthenticationFilter.authentication(actor).getAuthorities(), actor);
    }

    static Actor actorOf(UserAccount account) {
        Set<Scope> scopes = switch (account.getRole()) {
            case ADMIN -> Set.of(Scope.READ, Scope.REPORT, Scope.ADMIN);
            case WORKING_GROUP, AGENCY_REPORTER -> Set.of(Scope.READ, Scope.REPORT);
            case VIEWER, PORTAL -> Set.of(Scope.READ);
        };
        return new Actor(account.getUsername(), account.getRole(), scopes,
                account.getAgency() == null ? null : account.getAgency().getId(), false);
    }
}
