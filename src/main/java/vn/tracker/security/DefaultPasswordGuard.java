package vn.tracker.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refuses to start outside the demo profile while an account still has a default password (the
 * demo password, or the user name as password) or the bootstrap token is a short, guessable
 * value. The demo profile is the only place where well-known credentials are acceptable.
 */
@Component
class DefaultPasswordGuard implements SmartInitializingSingleton {

    static final int MIN_BOOTSTRAP_TOKEN_LENGTH = 20;

    private final Environment environment;
    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final String bootstrapToken;

    DefaultPasswordGuard(Environment environment, UserAccountRepository accounts, PasswordEncoder encoder,
            TransactionTemplate transactions) {
        this.environment = environment;
        this.accounts = accounts;
        this.encoder = encoder;
        this.transactions = transactions;
        this.bootstrapToken = environment.getProperty("TRACKER_BOOTSTRAP_ADMIN_TOKEN",
                environment.getProperty("tracker.security.bootstrap-admin-token", ""));
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!environment.acceptsProfiles(Profiles.of("demo"))) {
            enforce(findProblems());
        }
    }

    /** Stops start-up when there is any finding. */
    static void enforce(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start outside the demo profile: " + String.join("; ", problems)
                    + ". Change these credentials (or run the demo profile).");
        }
    }

    /** Accounts with a default password and a weak bootstrap token, as human-readable findings. */
    List<String> findProblems() {
        List<String> problems = new ArrayList<>();
        List<String> weakAccounts = transactions.execute(status -> accounts.findAll().stream()
                .filter(a -> a.isEnabled() && hasDefaultPassword(a))
                .map(UserAccount::getUsername)
                .toList());
        if (weakAccounts != null && !weakAccounts.isEmpty()) {
            problems.add("accounts with a default password: " + String.join(", ", weakAccounts));
        }
        if (!bootstrapToken.isBlank() && bootstrapToken.length() < MIN_BOOTSTRAP_TOKEN_LENGTH) {
            problems.add("TRACKER_BOOTSTRAP_ADMIN_TOKEN is shorter than " + MIN_BOOTSTRAP_TOKEN_LENGTH + " characters");
        }
        return problems;
    }

    private boolean hasDefaultPassword(UserAccount account) {
        // Two BCrypt checks per account (about 0.1 s each): affordable at start-up for hundreds of users.
        return encoder.matches(DemoAccounts.DEMO_PASSWORD, account.getPasswordHash())
                || encoder.matches(account.getUsername(), account.getPasswordHash());
    }
}
