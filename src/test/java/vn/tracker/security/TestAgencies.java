package vn.tracker.security;

import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyKind;
import vn.tracker.agency.AgencyRepository;

/**
 * Agencies of their own for the security tests, outside the sample tree (no province parent), so
 * the tasks these tests create never show up in other suites' lists of sample agencies.
 */
public final class TestAgencies {

    /** Plays the reporter's agency (like Công an tỉnh). */
    public static final String OWN = "I7-CA";
    /** Below {@link #OWN}. */
    public static final String CHILD = "I7-CA-PC";
    /** Someone else's agency. */
    public static final String OTHER = "I7-STC";

    private TestAgencies() {
    }

    public static void ensure(AgencyRepository agencies, TransactionTemplate tx) {
        tx.executeWithoutResult(s -> {
            Agency own = agencies.findByCode(OWN).orElseGet(() -> agencies.save(
                    new Agency(OWN, "Cơ quan kiểm thử bảo mật", AgencyKind.DEPARTMENT)));
            agencies.findByCode(CHILD).orElseGet(() -> {
                Agency child = new Agency(CHILD, "Phòng thuộc cơ quan kiểm thử", AgencyKind.DEPARTMENT);
                child.setParent(own);
                return agencies.save(child);
            });
            agencies.findByCode(OTHER).orElseGet(() -> agencies.save(
                    new Agency(OTHER, "Cơ quan kiểm thử khác", AgencyKind.DEPARTMENT)));
        });
    }
}
