package vn.tracker.security;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong passwords per account, in the database (so every instance sees the same count),
 * and locks the account for a while after too many in a row. Atomic SQL updates, so concurrent
 * guesses cannot slip past the threshold.
 */
@Service
public class LoginAttempts {

    private final UserAccountRepository accounts;
    private final SecuritySettings settings;
    private final Clock clock;

    LoginAttempts(UserAccountRepository accounts, SecuritySettings settings, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records a wrong password; true when this attempt locked the account. */
    @Transactional
    public boolean recordFailure(String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        if (accounts.incrementFailedAttempts(username) == 0) {
            return false;
        }
        Instant until = clock.instant().plus(settings.getLockout().getDuration());
        return accounts.lockWhenAttemptsReached(username, settings.getLockout().getMaxAttempts(), until) > 0;
    }

    @Transactional
    public void recordSuccess(String username) {
        accounts.resetFailedAttempts(username);
    }

    public boolean isLocked(UserAccount account) {
        return account.getLockedUntil() != null && account.getLockedUntil().isAfter(clock.instant());
    }
}
