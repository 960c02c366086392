package vn.tracker.task;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.Agency;
import vn.tracker.agency.Person;
import vn.tracker.common.BadInputException;
import vn.tracker.common.Batches;
import vn.tracker.common.Connection;
import vn.tracker.common.Cursor;
import vn.tracker.common.IdListQuery;
import vn.tracker.common.PageRequest;

/** Reads of tasks for the API and the console. */
@Service
@Transactional(readOnly = true)
public class TaskService {

    private final TaskRepository tasks;
    private final EvidenceRepository evidence;
    private final EntityManager em;

    TaskService(TaskRepository tasks, EvidenceRepository evidence, EntityManager em) {
        this.tasks = tasks;
        this.evidence = evidence;
        this.em = em;
    }

    /** A task by code; the province is needed only when the code exists in several provinces. */
    public Task byCode(String code, String province) {
        if (province != null) {
            return tasks.findByProvinceCodeAndCode(province, code).orElse(null);
        }
        List<Task> found = tasks.findByCode(code);
        if (found.size() > 1) {
            throw new BadInputException("province",
                    "Mã nhiệm vụ có ở nhiều tỉnh, hãy chỉ rõ province / code exists in several provinces, give province");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    public Map<Long, Task> byIds(Collection<Long> ids) {
        return Batches.indexById(IdListQuery.list(em, "select t from Task t where t.id in (:ids)", Task.class, ids),
                Task::getId);
    }

    public Connection<Task> list(PageRequest page) {
        List<Task> rows = tasks.findByIdGreaterThanOrderByIdAsc(page.afterId(),
                org.springframework.data.domain.PageRequest.of(0, page.first() + 1));
        return Connection.of(rows, page, t -> Cursor.encodeId(t.getId()), tasks::count);
    }

    public Map<Long, List<Agency>> coordinatorsOf(Collection<Long> taskIds) {
        return pairs(IdListQuery.list(em,
                "select t.id, a from Task t join t.coordinatingAgencies a where t.id in (:ids) order by a.code",
                Object[].class, taskIds));
    }

    public Map<Long, List<Person>> assigneesOf(Collection<Long> taskIds) {
        return pairs(IdListQuery.list(em,
                "select t.id, p from Task t join t.assignees p where t.id in (:ids) order by p.fullName",
                Object[].class, taskIds));
    }

    public Map<Long, List<Evidence>> evidenceOf(Collection<Long> taskIds) {
        Map<Long, List<Evidence>> result = new LinkedHashMap<>();
        evidence.findByTaskIdInOrderByIdAsc(taskIds)
                .forEach(e -> result.computeIfAbsent(e.getTask().getId(), k -> new ArrayList<>()).add(e));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<Long, List<T>> pairs(List<Object[]> rows) {
        Map<Long, List<T>> result = new LinkedHashMap<>();
        for (Object[] row : rows) {
            result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((T) row[1]);
        }
        return result;
    }
}
