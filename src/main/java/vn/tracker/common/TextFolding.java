package vn.tracker.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for accent-insensitive search: lower case, no diacritics, đ→d.
 * Stored in *_folded columns by the application so search behaves the same on H2 and MySQL,
 * whatever collation the server uses.
 */
public final class TextFolding {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String lower = stripped.replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
        return SPACES.matcher(lower).replaceAll(" ").trim();
    }

    /** Joins the folded forms of several fields into one search column value. */
    public static String foldAll(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(fold(part));
            }
        }
        return sb.toString();
    }

    /** A LIKE pattern for a folded query, with LIKE metacharacters escaped (escape char '!'). */
    public static String likePattern(String query) {
        String folded = fold(query);
        String escaped = folded.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
