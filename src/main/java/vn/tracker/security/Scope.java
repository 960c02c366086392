package vn.tracker.security;

/** What an API token may do: read, report progress on its agency's tasks, or administer. */
public enum Scope {
    READ, REPORT, ADMIN;

    public String authority() {
        return "SCOPE_" + name().toLowerCase();
    }
}
