package vn.tracker.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.NaturalId;
import vn.tracker.common.BaseEntity;
import vn.tracker.common.TextFolding;

/** An org unit in the tree province → departments, communes; also central bodies and enterprises. */
@Entity
@Table(name = "agency")
public class Agency extends BaseEntity {

    @NaturalId(mutable = false)
    @Column(nullable = false, length = 60)
    private String code;

    @Column(nullable = false, length = 500)
    private String name;

    @Column(name = "name_folded", nullable = false, length = 500)
    private String nameFolded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AgencyKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Agency parent;

    @Column(name = "province_code", length = 20)
    private String provinceCode;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected Agency() {
    }

    public Agency(String code, String name, AgencyKind kind) {
        this.code = code;
        this.kind = kind;
        setName(name);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        this.nameFolded = TextFolding.fold(name);
    }

    public AgencyKind getKind() {
        return kind;
    }

    public void setKind(AgencyKind kind) {
        this.kind = kind;
    }

    public Agency getParent() {
        return parent;
    }

    public void setParent(Agency parent) {
        this.parent = parent;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public void setProvinceCode(String provinceCode) {
        this.provinceCode = provinceCode;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }
}
