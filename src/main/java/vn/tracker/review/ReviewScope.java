package vn.tracker.review;

import java.util.List;

/**
 * Which tasks a review, count or export covers. Duplicates linked after the 2025 merger
 * ({@code duplicateOf} set) are left out so each piece of work is counted once.
 *
 * @param province        province code (GL, TN), or null for all
 * @param leadAgencies    lead agency codes (the agencies themselves, not their children), empty for all
 * @param programs        program codes (NQ57, DA06, …) of the assigning directive, empty for all
 */
public record ReviewScope(String province, List<String> leadAgencies, List<String> programs) {

    public static final ReviewScope ALL = new ReviewScope(null, List.of(), List.of());

    public ReviewScope {
        leadAgencies = leadAgencies == null ? List.of() : List.copyOf(leadAgencies);
        programs = programs == null ? List.of() : List.copyOf(programs);
        province = province == null || province.isBlank() ? null : province.trim();
    }
}
