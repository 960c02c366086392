package vn.tracker.agency;

import java.time.LocalDate;

/** Fields of createAgency/updateAgency; on update an omitted field keeps its value. */
public record AgencyInput(String code, String name, AgencyKind kind, String parent, String provinceCode,
        LocalDate validFrom, LocalDate validTo) {
}
