package vn.tracker.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.NaturalId;
import vn.tracker.common.BaseEntity;
import vn.tracker.common.TextFolding;

/** A focal point (đầu mối) of an agency who can be assigned tasks. */
@Entity
@Table(name = "person")
public class Person extends BaseEntity {

    @NaturalId(mutable = false)
    @Column(nullable = false, length = 60)
    private String code;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "name_folded", nullable = false, length = 200)
    private String nameFolded;

    @Column(length = 200)
    private String position;

    @Column(length = 200)
    private String email;

    @Column(length = 50)
    private String phone;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id", nullable = false)
    private Agency agency;

    protected Person() {
    }

    public Person(String code, String fullName, Agency agency) {
        this.code = code;
        this.agency = agency;
        setFullName(fullName);
    }

    public String getCode() {
        return code;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
        this.nameFolded = TextFolding.fold(fullName);
    }

    public String getPosition() {
        return position;
    }

    public void setPosition(String position) {
        this.position = position;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Agency getAgency() {
        return agency;
    }

    public void setAgency(Agency agency) {
        this.agency = agency;
    }
}
