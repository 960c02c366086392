package vn.tracker.directive;

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
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.NaturalId;
import vn.tracker.agency.Agency;
import vn.tracker.common.BaseEntity;
import vn.tracker.common.TextFolding;

/** A document that assigns work: resolution, decision, plan, conclusion notice, official letter… */
@Entity
@Table(name = "directive")
public class Directive extends BaseEntity {

    @NaturalId(mutable = false)
    @Column(nullable = false, length = 80)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private DirectiveKind kind;

    @Column(nullable = false, length = 2000)
    private String title;

    @Column(name = "title_folded", nullable = false, length = 2000)
    private String titleFolded;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "issuer_id")
    private Agency issuer;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    /** The directive this one implements (a plan implementing a resolution). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Directive parent;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "directive_program",
            joinColumns = @JoinColumn(name = "directive_id"),
            inverseJoinColumns = @JoinColumn(name = "program_id"))
    private Set<Program> programs = new LinkedHashSet<>();

    protected Directive() {
    }

    public Directive(String code, DirectiveKind kind, String title) {
        this.code = code;
        this.kind = kind;
        setTitle(title);
    }

    public String getCode() {
        return code;
    }

    public DirectiveKind getKind() {
        return kind;
    }

    public void setKind(DirectiveKind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
        this.titleFolded = TextFolding.foldAll(code, title);
    }

    public Agency getIssuer() {
        return issuer;
    }

    public void setIssuer(Agency issuer) {
        this.issuer = issuer;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public void setIssuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
    }

    public Directive getParent() {
        return parent;
    }

    public void setParent(Directive parent) {
        this.parent = parent;
    }

    public Set<Program> getPrograms() {
        return programs;
    }
}
