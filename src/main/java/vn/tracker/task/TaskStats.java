package vn.tracker.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.tracker.agency.Agency;
import vn.tracker.directive.Directive;
import vn.tracker.directive.Program;

/** Counts of the tasks a filter matches, in total and per group, as of a date. */
public record TaskStats(LocalDate asOf, List<GroupBy> groupBy, TaskCounts total, List<Group> groups, Scope scope) {

    /** Dimensions to group by; several combine (AGENCY and STATUS: one group per agency and status). */
    public enum GroupBy {
        AGENCY, DIRECTIVE, PROGRAM, STATUS, HEALTH
    }

    /** One group: the key fields of the requested dimensions are set, the others are null. */
    public record Group(Agency agency, Directive directive, Program program, TaskStatus status, TaskHealth health,
            TaskCounts counts, Scope scope) {
    }

    /**
     * What was counted (the resolved filter, the dimensions, the date), kept so that another feature
     * can count the same tasks and groups its own way through {@link TaskStatsService#countPerGroup}.
     */
    public static final class Scope {

        final TaskSearch.Resolved filter;
        final Set<GroupBy> dims;

        Scope(TaskSearch.Resolved filter, Set<GroupBy> dims) {
            this.filter = filter;
            this.dims = dims;
        }

        public LocalDate asOf() {
            return filter.asOf();
        }
    }
}
