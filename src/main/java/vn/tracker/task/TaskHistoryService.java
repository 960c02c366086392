package vn.tracker.task;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.common.Connection;
import vn.tracker.common.Cursor;
import vn.tracker.common.PageRequest;

/** A task's progress reports, newest first, a page at a time. */
@Service
@Transactional(readOnly = true)
public class TaskHistoryService {

    private final ProgressReportRepository reports;

    TaskHistoryService(ProgressReportRepository reports) {
        this.reports = reports;
    }

    public Connection<ProgressReport> progressReports(Long taskId, PageRequest page) {
        long before = page.after() == null ? Long.MAX_VALUE : page.afterId();
        List<ProgressReport> rows = reports.findByTaskIdAndIdLessThanOrderByIdDesc(taskId, before,
                org.springframework.data.domain.PageRequest.of(0, page.first() + 1));
        return Connection.of(rows, page, r -> Cursor.encodeId(r.getId()), () -> reports.countByTaskId(taskId));
    }
}
