package vn.tracker.directive;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.common.Batches;
import vn.tracker.common.Connection;
import vn.tracker.common.Cursor;
import vn.tracker.common.IdListQuery;
import vn.tracker.common.PageRequest;
import vn.tracker.common.TextFolding;

/** Reads of directives and programs. */
@Service
@Transactional(readOnly = true)
public class DirectiveService {

    private final DirectiveRepository directives;
    private final ProgramRepository programs;
    private final EntityManager em;

    DirectiveService(DirectiveRepository directives, ProgramRepository programs, EntityManager em) {
        this.directives = directives;
        this.programs = programs;
        this.em = em;
    }

    public Directive byCode(String code) {
        return directives.findByCode(code).orElse(null);
    }

    public Map<Long, Directive> byIds(Collection<Long> ids) {
        return Batches.indexById(
                IdListQuery.list(em, "select d from Directive d where d.id in (:ids)", Directive.class, ids),
                Directive::getId);
    }

    public List<Directive> implementing(Collection<Long> parentIds) {
        return directives.findByParentIdIn(parentIds);
    }

    public List<Program> allPrograms() {
        return programs.findAll(Sort.by("code"));
    }

    /** Programs of each directive in a batch, in one statement. */
    public Map<Long, List<Program>> programsOf(Collection<Long> directiveIds) {
        Map<Long, List<Program>> result = new LinkedHashMap<>();
        for (Object[] row : directives.findProgramsOf(directiveIds)) {
            result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Program) row[1]);
        }
        return result;
    }

    public record Filter(List<String> program, List<DirectiveKind> kind, String issuer, String parent,
            String search) {
    }

    public Connection<Directive> list(Filter filter, PageRequest page) {
        Specification<Directive> spec = matching(filter);
        Specification<Directive> pageSpec = page.after() == null ? spec
                : spec.and((root, q, cb) -> cb.greaterThan(root.get("code"), Cursor.decode(page.after())));
        List<Directive> rows = directives.findBy(pageSpec,
                q -> q.sortBy(Sort.by("code")).limit(page.first() + 1).all());
        return Connection.of(rows, page, d -> Cursor.encode(d.getCode()), () -> directives.count(spec));
    }

    private static Specification<Directive> matching(Filter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter != null) {
                if (filter.kind() != null && !filter.kind().isEmpty()) {
                    where.add(root.get("kind").in(filter.kind()));
                }
                if (filter.issuer() != null) {
                    where.add(cb.equal(root.get("issuer").get("code"), filter.issuer()));
                }
                if (filter.parent() != null) {
                    where.add(cb.equal(root.get("parent").get("code"), filter.parent()));
                }
                if (filter.program() != null && !filter.program().isEmpty()) {
                    Subquery<Long> inProgram = query.subquery(Long.class);
                    var d = inProgram.from(Directive.class);
                    Join<Directive, Program> p = d.join("programs");
                    inProgram.select(d.get("id")).where(p.get("code").in(filter.program()));
                    where.add(root.get("id").in(inProgram));
                }
                if (filter.search() != null && !filter.search().isBlank()) {
                    String like = TextFolding.likePattern(filter.search());
                    where.add(cb.or(cb.like(root.get("titleFolded"), like, '!'),
                            cb.like(cb.lower(root.get("code")), like, '!')));
                }
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
