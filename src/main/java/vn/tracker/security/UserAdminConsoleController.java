package vn.tracker.security;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.common.BadInputException;
import vn.tracker.common.ConflictException;
import vn.tracker.common.NotFoundException;

/**
 * The admin users page (/admin/users): list, create, change role and agency, disable, reset
 * password. Plain forms with CSRF; the rules live in {@link UserAdminService}. A rejected form
 * re-renders the page with the Vietnamese message and HTTP 400, and nothing changes.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminConsoleController {

    private final UserAdminService users;
    private final AgencyRepository agencies;

    UserAdminConsoleController(UserAdminService users, AgencyRepository agencies) {
        this.users = users;
        this.agencies = agencies;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", assignableRoles());
        model.addAttribute("agencies", agencies.findAll().stream()
                .sorted(java.util.Comparator.comparing(Agency::getCode)).toList());
        return "admin/users";
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
            @RequestParam(required = false) Role role, @RequestParam(required = false) String agencyCode,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(() -> users.create(username, displayName, password, role, agencyCode),
                "Đã tạo tài khoản " + username + " / account created", model, redirect, response);
    }

    @PostMapping("/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam(required = false) Role role,
            @RequestParam(required = false) String agencyCode, @RequestParam long version,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(() -> users.changeRole(id, role, agencyCode, version),
                "Đã đổi vai trò / role changed", model, redirect, response);
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, @RequestParam long version,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(() -> users.setEnabled(id, enabled, version),
                enabled ? "Đã kích hoạt tài khoản / account enabled" : "Đã vô hiệu hóa tài khoản / account disabled",
                model, redirect, response);
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String password, @RequestParam long version,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(() -> users.resetPassword(id, password, version),
                "Đã đặt lại mật khẩu / password reset", model, redirect, response);
    }

    private String act(Supplier<UserAccount> action, String done, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", done);
            return "redirect:/admin/users";
        } catch (BadInputException | ConflictException | NotFoundException e) {
            response.setStatus(e instanceof ConflictException ? HttpStatus.CONFLICT.value()
                    : e instanceof NotFoundException ? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", e.getMessage());
            return page(model);
        }
    }

    private static List<Role> assignableRoles() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.PORTAL).toList();
    }
}
