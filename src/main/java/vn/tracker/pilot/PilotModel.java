package vn.tracker.pilot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.tracker.agency.Agency;
import vn.tracker.common.BaseEntity;
import vn.tracker.common.TextFolding;
import vn.tracker.directive.Directive;
import vn.tracker.directive.Program;

/** Mô hình điểm: a pilot model, numbered within the decision that approved it. */
@Entity
@Table(name = "pilot_model")
public class PilotModel extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "decision_id", nullable = false)
    private Directive decision;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "pilot_model_decision",
            joinColumns = @JoinColumn(name = "pilot_model_id"),
            inverseJoinColumns = @JoinColumn(name = "directive_id"))
    private Set<Directive> otherDecisions = new LinkedHashSet<>();

    @Column(nullable = false)
    private int number;

    @Column(nullable = false, length = 1000)
    private String name;

    @Column(name = "name_folded", nullable = false, length = 1000)
    private String nameFolded;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "program_id")
    private Program program;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "lead_agency_id")
    private Agency leadAgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private PilotModelStatus status;

    @Column(name = "province_code", length = 20)
    private String provinceCode;

    protected PilotModel() {
    }

    public PilotModel(Directive decision, int number, String name, PilotModelStatus status) {
        this.decision = decision;
        this.number = number;
        this.status = status;
        setName(name);
    }

    public Directive getDecision() {
        return decision;
    }

    public Set<Directive> getOtherDecisions() {
        return otherDecisions;
    }

    public int getNumber() {
        return number;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        this.nameFolded = TextFolding.fold(name);
    }

    public Program getProgram() {
        return program;
    }

    public void setProgram(Program program) {
        this.program = program;
    }

    public Agency getLeadAgency() {
        return leadAgency;
    }

    public void setLeadAgency(Agency leadAgency) {
        this.leadAgency = leadAgency;
    }

    public PilotModelStatus getStatus() {
        return status;
    }

    public void setStatus(PilotModelStatus status) {
        this.status = status;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public void setProvinceCode(String provinceCode) {
        this.provinceCode = provinceCode;
    }
}
