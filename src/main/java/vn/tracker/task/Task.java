package vn.tracker.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.tracker.agency.Agency;
import vn.tracker.agency.Person;
import vn.tracker.common.BaseEntity;
import vn.tracker.common.TextFolding;
import vn.tracker.directive.Directive;
import vn.tracker.pilot.PilotModel;

/** Nhiệm vụ: a piece of work assigned by a directive to a lead agency. */
@Entity
@Table(name = "task")
public class Task extends BaseEntity {

    @Column(nullable = false, length = 80)
    private String code;

    /** Codes are unique within a province. */
    @Column(name = "province_code", nullable = false, length = 20)
    private String provinceCode;

    @Column(nullable = false, length = 2000)
    private String title;

    @Column(columnDefinition = "text")
    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "directive_id")
    private Directive directive;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_agency_id", nullable = false)
    private Agency leadAgency;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "task_coordinator",
            joinColumns = @JoinColumn(name = "task_id"),
            inverseJoinColumns = @JoinColumn(name = "agency_id"))
    private Set<Agency> coordinatingAgencies = new LinkedHashSet<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "task_assignee",
            joinColumns = @JoinColumn(name = "task_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private Set<Person> assignees = new LinkedHashSet<>();

    @Column(name = "start_on")
    private LocalDate startOn;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "due_text", length = 200)
    private String dueText;

    @Enumerated(EnumType.STRING)
    @Column(name = "due_resolution", length = 10)
    private DueResolution dueResolution;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TaskStatus status = TaskStatus.NOT_STARTED;

    @Column(nullable = false)
    private int progress;

    @Column(columnDefinition = "text")
    private String result;

    /** Province of origin for tasks inherited from the provinces merged in 2025 (e.g. BD-CU). */
    @Column(length = 20)
    private String origin;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "duplicate_of_id")
    private Task duplicateOf;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "pilot_model_id")
    private PilotModel pilotModel;

    @Column(name = "source_doc", length = 200)
    private String sourceDoc;

    @Column(name = "search_folded", nullable = false, columnDefinition = "text")
    private String searchFolded;

    @Column(name = "start_day")
    private Integer startDay;

    @Column(name = "due_day")
    private Integer dueDay;

    @Column(name = "last_report_on")
    private LocalDate lastReportOn;

    protected Task() {
    }

    public Task(String code, String provinceCode, String title, Agency leadAgency) {
        this.code = code;
        this.provinceCode = provinceCode;
        this.title = title;
        this.leadAgency = leadAgency;
    }

    /** Keeps the derived columns (search text, epoch days for health predicates) in step. */
    @PrePersist
    @PreUpdate
    void deriveColumns() {
        searchFolded = TextFolding.foldAll(code, title, result);
        LocalDate start = startFrom(startOn, directive == null ? null : directive.getIssuedOn(), getCreatedAt());
        startDay = start == null ? null : (int) start.toEpochDay();
        dueDay = dueOn == null ? null : (int) dueOn.toEpochDay();
    }

    /**
     * What Hibernate's insert callbacks do (timestamps, derived columns), for a task written by a
     * bulk JDBC insert (the CSV importer) instead of by Hibernate.
     */
    public void prepareBulkInsert() {
        onCreate();
        deriveColumns();
    }

    public String getSearchFolded() {
        return searchFolded;
    }

    public Integer getStartDay() {
        return startDay;
    }

    public Integer getDueDay() {
        return dueDay;
    }

    /**
     * The day a task's time starts counting for the health rules (pace, not started after half its
     * time, no report since the start): its start date, else the issued date of the directive that
     * assigned it (imported tasks rarely have a start date, and their directive's date is when the
     * work was asked for), else the (UTC) day it was created. Stored as {@code start_day} for SQL.
     */
    public static LocalDate startFrom(LocalDate startOn, LocalDate directiveIssuedOn, Instant createdAt) {
        if (startOn != null) {
            return startOn;
        }
        if (directiveIssuedOn != null) {
            return directiveIssuedOn;
        }
        return createdAt == null ? null : createdAt.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * {@link #startFrom} as stored at the last write ({@code start_day}, what the SQL predicates read),
     * the start date itself when set. Reading the stored day keeps Java and SQL health identical
     * without loading the directive.
     */
    public LocalDate effectiveStart() {
        return effectiveStart(startOn, startDay);
    }

    /** {@link #effectiveStart()} from the two columns, for reads that select them without the entity. */
    public static LocalDate effectiveStart(LocalDate startOn, Integer startDay) {
        if (startOn != null) {
            return startOn;
        }
        return startDay == null ? null : LocalDate.ofEpochDay(startDay);
    }

    public void setDeadline(Deadline deadline) {
        if (deadline == null) {
            dueOn = null;
            dueText = null;
            dueResolution = null;
        } else {
            dueOn = deadline.dueOn();
            dueText = deadline.dueText();
            dueResolution = deadline.resolution();
        }
    }

    public String getCode() {
        return code;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Directive getDirective() {
        return directive;
    }

    public void setDirective(Directive directive) {
        this.directive = directive;
    }

    public Agency getLeadAgency() {
        return leadAgency;
    }

    public void setLeadAgency(Agency leadAgency) {
        this.leadAgency = leadAgency;
    }

    public Set<Agency> getCoordinatingAgencies() {
        return coordinatingAgencies;
    }

    public Set<Person> getAssignees() {
        return assignees;
    }

    public LocalDate getStartOn() {
        return startOn;
    }

    public void setStartOn(LocalDate startOn) {
        this.startOn = startOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public String getDueText() {
        return dueText;
    }

    public DueResolution getDueResolution() {
        return dueResolution;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public void setCompletedOn(LocalDate completedOn) {
        this.completedOn = completedOn;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public void setStatus(TaskStatus status) {
        this.status = status;
    }

    public int getProgress() {
        return progress;
    }

    public void setProgress(int progress) {
        this.progress = progress;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getOrigin() {
        return origin;
    }

    public void setOrigin(String origin) {
        this.origin = origin;
    }

    public Task getDuplicateOf() {
        return duplicateOf;
    }

    public void setDuplicateOf(Task duplicateOf) {
        this.duplicateOf = duplicateOf;
    }

    public PilotModel getPilotModel() {
        return pilotModel;
    }

    public void setPilotModel(PilotModel pilotModel) {
        this.pilotModel = pilotModel;
    }

    public String getSourceDoc() {
        return sourceDoc;
    }

    public void setSourceDoc(String sourceDoc) {
        this.sourceDoc = sourceDoc;
    }

    public LocalDate getLastReportOn() {
        return lastReportOn;
    }

    public void setLastReportOn(LocalDate lastReportOn) {
        this.lastReportOn = lastReportOn;
    }
}
