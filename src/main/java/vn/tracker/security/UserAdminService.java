package vn.tracker.security;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.common.BadInputException;
import vn.tracker.common.ConflictException;
import vn.tracker.common.NotFoundException;

/**
 * Account administration (admins only, checked here so the console and any API share the rule):
 * create, change role and agency, disable, reset password. Changing who someone is or what they
 * may do ends their open console sessions, so the change takes effect at once.
 */
@Service
public class UserAdminService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");
    static final int MIN_PASSWORD_LENGTH = 10;

    private final UserAccountRepository accounts;
    private final AgencyRepository agencies;
    private final PasswordEncoder encoder;
    private final Permissions permissions;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    UserAdminService(UserAccountRepository accounts, AgencyRepository agencies, PasswordEncoder encoder,
            Permissions permissions, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.encoder = encoder;
        this.permissions = permissions;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        permissions.requireAdmin();
        return accounts.findAllWithAgency().stream()
                .sorted(Comparator.comparing(UserAccount::getUsername)).toList();
    }

    @Transactional
    public UserAccount create(String username, String displayName, String password, Role role, String agencyCode) {
        permissions.requireAdmin();
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new BadInputException("username",
                    "Tên đăng nhập 3–50 ký tự: chữ thường, số, . _ - / user name: 3–50 of a-z 0-9 . _ -");
        }
        if (accounts.findByUsername(name).isPresent()) {
            throw new BadInputException("username", "Tên đăng nhập đã tồn tại / user name already taken");
        }
        String display = requireDisplayName(displayName);
        checkPassword(name, password);
        Role checkedRole = requireRole(role);
        Agency agency = agencyFor(checkedRole, agencyCode);
        return accounts.save(new UserAccount(name, display, encoder.encode(password), checkedRole, agency));
    }

    @Transactional
    public UserAccount changeRole(long id, Role role, String agencyCode, long expectedVersion) {
        permissions.requireAdmin();
        UserAccount account = load(id, expectedVersion);
        Role checkedRole = requireRole(role);
        if (isSelf(account) && checkedRole != Role.ADMIN) {
            throw new BadInputException("role",
                    "Không thể tự bỏ quyền quản trị của mình / you cannot remove your own admin role");
        }
        account.setRole(checkedRole);
        account.setAgency(agencyFor(checkedRole, agencyCode));
        endSessions(account);
        return account;
    }

    @Transactional
    public UserAccount setEnabled(long id, boolean enabled, long expectedVersion) {
        permissions.requireAdmin();
        UserAccount account = load(id, expectedVersion);
        if (isSelf(account) && !enabled) {
            throw new BadInputException("enabled", "Không thể tự vô hiệu hóa tài khoản của mình / you cannot disable yourself");
        }
        account.setEnabled(enabled);
        if (!enabled) {
            endSessions(account);
        }
        return account;
    }

    /** Sets a new password chosen by the admin; also lifts a sign-in lockout. */
    @Transactional
    public UserAccount resetPassword(long id, String newPassword, long expectedVersion) {
        permissions.requireAdmin();
        UserAccount account = load(id, expectedVersion);
        checkPassword(account.getUsername(), newPassword);
        account.setPasswordHash(encoder.encode(newPassword));
        account.setFailedAttempts(0);
        account.setLockedUntil(null);
        endSessions(account);
        return account;
    }

    private UserAccount load(long id, long expectedVersion) {
        UserAccount account = accounts.findById(id)
                .orElseThrow(() -> new NotFoundException("Không tìm thấy tài khoản / no such account"));
        if (account.getVersion() != expectedVersion) {
            throw new ConflictException("Tài khoản đã được người khác sửa, hãy tải lại / account changed, reload");
        }
        return account;
    }

    private static boolean isSelf(UserAccount account) {
        Actor actor = CurrentActor.get();
        return !actor.token() && actor.name().equals(account.getUsername());
    }

    private static String requireDisplayName(String displayName) {
        String display = displayName == null ? "" : displayName.strip();
        if (display.isEmpty() || display.length() > 200) {
            throw new BadInputException("displayName", "Họ tên 1–200 ký tự / display name 1–200 characters");
        }
        return display;
    }

    private static Role requireRole(Role role) {
        if (role == null || role == Role.PORTAL) {
            throw new BadInputException("role", "Vai trò không hợp lệ / invalid role");
        }
        return role;
    }

    private Agency agencyFor(Role role, String agencyCode) {
        boolean given = agencyCode != null && !agencyCode.isBlank();
        if (role == Role.AGENCY_REPORTER && !given) {
            throw new BadInputException("agencyCode",
                    "Cán bộ báo cáo phải thuộc một cơ quan / an agency reporter needs an agency");
        }
        if (!given) {
            return null;
        }
        return agencies.findByCode(agencyCode.strip())
                .orElseThrow(() -> new BadInputException("agencyCode", "Không có cơ quan mã này / unknown agency code"));
    }

    static void checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            throw new BadInputException("password",
                    "Mật khẩu 10–200 ký tự / password must have 10–200 characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(username) || lower.chars().distinct().count() < 4) {
            throw new BadInputException("password", "Mật khẩu quá dễ đoán / password too easy to guess");
        }
    }

    private void endSessions(UserAccount account) {
        sessions.findByPrincipalName(account.getUsername()).keySet().forEach(sessions::deleteById);
    }
}
