package vn.tracker.security;

/** Who a signed-in user is for the product. */
public enum Role {
    ADMIN, WORKING_GROUP, AGENCY_REPORTER, VIEWER, PORTAL;

    public String authority() {
        return "ROLE_" + name();
    }
}
