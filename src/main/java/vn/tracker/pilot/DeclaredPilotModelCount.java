package vn.tracker.pilot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import vn.tracker.directive.Directive;

/**
 * What a decision (or a report about a set of models) declares: "95 = 52 NQ57 + 14 CĐS + 29 ĐA06".
 * Kept beside the models actually entered so the registry can flag differences and conflicts.
 */
@Entity
@Table(name = "pilot_model_declared")
public class DeclaredPilotModelCount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "province_code", nullable = false, length = 20)
    private String provinceCode;

    /** The set as the source names it: a decision code (342-QĐ/TU) or a label (TCT06-44). */
    @Column(name = "model_set", nullable = false, length = 80)
    private String modelSet;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decision_id")
    private Directive decision;

    /** A program code, or ALL for the declared grand total. */
    @Column(name = "program_code", nullable = false, length = 40)
    private String programCode;

    private Integer total;

    private Integer completed;

    @Column(name = "in_progress")
    private Integer inProgress;

    @Column(length = 1000)
    private String source;

    protected DeclaredPilotModelCount() {
    }

    public DeclaredPilotModelCount(String provinceCode, String modelSet, String programCode) {
        this.provinceCode = provinceCode;
        this.modelSet = modelSet;
        this.programCode = programCode;
    }

    public Long getId() {
        return id;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public String getModelSet() {
        return modelSet;
    }

    public Directive getDecision() {
        return decision;
    }

    public void setDecision(Directive decision) {
        this.decision = decision;
    }

    public String getProgramCode() {
        return programCode;
    }

    public Integer getTotal() {
        return total;
    }

    public void setTotal(Integer total) {
        this.total = total;
    }

    public Integer getCompleted() {
        return completed;
    }

    public void setCompleted(Integer completed) {
        this.completed = completed;
    }

    public Integer getInProgress() {
        return inProgress;
    }

    public void setInProgress(Integer inProgress) {
        this.inProgress = inProgress;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
