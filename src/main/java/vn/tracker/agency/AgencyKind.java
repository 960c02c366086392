package vn.tracker.agency;

/** Cơ quan, đơn vị, địa phương: what sort of org unit an agency is. */
public enum AgencyKind {
    PROVINCE, DEPARTMENT, COMMUNE, CENTRAL, ENTERPRISE, WORKING_GROUP
}
