package vn.tracker.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.AgencyRepository;

/**
 * The embedded demo profile, and only it, creates the demo accounts admin, tgv, ca-reporter and
 * viewer with the password "demo" (after the sample data, so ca-reporter can belong to GL-CA).
 */
@Component
@Profile("demo")
@Order(30)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    static final String DEMO_PASSWORD = "demo";

    private final UserAccountRepository accounts;
    private final AgencyRepository agencies;
    private final PasswordEncoder encoder;

    DemoAccounts(UserAccountRepository accounts, AgencyRepository agencies, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        create("admin", "Quản trị hệ thống", Role.ADMIN, null);
        create("tgv", "Tổ giúp việc Ban Chỉ đạo", Role.WORKING_GROUP, "GL-TGV");
        create("ca-reporter", "Cán bộ Công an tỉnh", Role.AGENCY_REPORTER, "GL-CA");
        create("viewer", "Người xem", Role.VIEWER, null);
        log.warn("Demo profile: accounts admin, tgv, ca-reporter, viewer with password '{}'", DEMO_PASSWORD);
    }

    private void create(String username, String displayName, Role role, String agencyCode) {
        if (accounts.findByUsername(username).isPresent()) {
            return;
        }
        var agency = agencyCode == null ? null : agencies.findByCode(agencyCode).orElse(null);
        accounts.save(new UserAccount(username, displayName, encoder.encode(DEMO_PASSWORD), role, agency));
    }
}
