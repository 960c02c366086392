package vn.tracker.annotation;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.common.ConflictException;
import vn.tracker.common.InputErrors;
import vn.tracker.security.Permissions;

/**
 * The reason taxonomy (seeded from DESIGN.md's bottlenecks by V1), managed by admins: add a category,
 * rename it, reorder it, or deactivate it. Categories are never deleted, since annotations refer to
 * them; an inactive one stays on old annotations and is no longer offered.
 */
@Service
@Transactional(readOnly = true)
public class ReasonCategoryService {

    private final ReasonCategoryRepository categories;
    private final Permissions permissions;

    ReasonCategoryService(ReasonCategoryRepository categories, Permissions permissions) {
        this.categories = categories;
        this.permissions = permissions;
    }

    public List<ReasonCategory> list(boolean includeInactive) {
        return categories.findAllByOrderBySortOrderAsc().stream().filter(c -> includeInactive || c.isActive()).toList();
    }

    public record SaveCommand(String code, String nameVi, String nameEn, Integer sortOrder, Boolean active,
            Long expectedVersion) {
    }

    /** Creates the category, or updates the one with that code. */
    @Transactional
    public ReasonCategory save(SaveCommand cmd) {
        permissions.requireAdmin();
        InputErrors errors = new InputErrors();
        errors.requireText("code", cmd.code(), 40);
        if (cmd.code() != null && !cmd.code().isBlank()) {
            errors.check(cmd.code().matches("[A-Z][A-Z0-9_]*"), "code",
                    "Mã chỉ gồm chữ hoa, số và _ / code is upper-case letters, digits and _");
        }
        errors.requireText("nameVi", cmd.nameVi(), 200);
        errors.requireText("nameEn", cmd.nameEn(), 200);
        errors.range("sortOrder", cmd.sortOrder(), 0, 10_000);
        errors.throwIfAny();
        ReasonCategory c = categories.findByCode(cmd.code()).orElse(null);
        if (c == null) {
            c = new ReasonCategory(cmd.code(), cmd.nameVi().strip(), cmd.nameEn().strip(),
                    cmd.sortOrder() == null ? nextOrder() : cmd.sortOrder());
        } else {
            ConflictException.requireVersion(cmd.expectedVersion(), c.getVersion());
            c.setNameVi(cmd.nameVi().strip());
            c.setNameEn(cmd.nameEn().strip());
            if (cmd.sortOrder() != null) {
                c.setSortOrder(cmd.sortOrder());
            }
        }
        if (cmd.active() != null) {
            c.setActive(cmd.active());
        }
        return categories.saveAndFlush(c);
    }

    private int nextOrder() {
        return categories.findAllByOrderBySortOrderAsc().stream().mapToInt(ReasonCategory::getSortOrder).max().orElse(0)
                + 1;
    }
}
