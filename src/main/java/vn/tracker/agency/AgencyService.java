package vn.tracker.agency;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Collection;
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

/** Reads of the agency tree for the API and the console. */
@Service
@Transactional(readOnly = true)
public class AgencyService {

    private final AgencyRepository agencies;
    private final PersonRepository people;
    private final EntityManager em;

    AgencyService(AgencyRepository agencies, PersonRepository people, EntityManager em) {
        this.agencies = agencies;
        this.people = people;
        this.em = em;
    }

    public Agency byCode(String code) {
        return agencies.findByCode(code).orElse(null);
    }

    public Map<Long, Agency> byIds(Collection<Long> ids) {
        return Batches.indexById(IdListQuery.list(em, "select a from Agency a where a.id in (:ids)", Agency.class, ids),
                Agency::getId);
    }

    public List<Agency> childrenOf(Collection<Long> parentIds) {
        return agencies.findByParentIdIn(parentIds);
    }

    public List<Person> peopleOf(Collection<Long> agencyIds) {
        return people.findByAgencyIdInOrderByFullName(agencyIds);
    }

    public record Filter(List<AgencyKind> kind, String parent, String search) {
    }

    public Connection<Agency> list(Filter filter, PageRequest page) {
        Specification<Agency> spec = matching(filter);
        Specification<Agency> pageSpec = page.after() == null ? spec
                : spec.and((root, q, cb) -> cb.greaterThan(root.get("code"), Cursor.decode(page.after())));
        List<Agency> rows = agencies.findBy(pageSpec,
                q -> q.sortBy(Sort.by("code")).limit(page.first() + 1).all());
        return Connection.of(rows, page, a -> Cursor.encode(a.getCode()), () -> agencies.count(spec));
    }

    private static Specification<Agency> matching(Filter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter != null) {
                if (filter.kind() != null && !filter.kind().isEmpty()) {
                    where.add(root.get("kind").in(filter.kind()));
                }
                if (filter.parent() != null) {
                    where.add(cb.equal(root.get("parent").get("code"), filter.parent()));
                }
                if (filter.search() != null && !filter.search().isBlank()) {
                    String like = TextFolding.likePattern(filter.search());
                    where.add(cb.or(cb.like(root.get("nameFolded"), like, '!'),
                            cb.like(cb.lower(root.get("code")), like, '!')));
                }
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
