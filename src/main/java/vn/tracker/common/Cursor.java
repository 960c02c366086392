package vn.tracker.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay cursors. A cursor encodes the position after which the next page starts (the sort
 * key and the row id), so it stays valid when rows are inserted before or after it.
 */
public final class Cursor {

    private static final String PREFIX = "c1:";

    private Cursor() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    public static String encodeId(long id) {
        return encode(Long.toString(id));
    }

    /** Decodes a cursor; throws {@link BadInputException} for anything this API did not issue. */
    public static String decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            return raw.substring(PREFIX.length());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("after", "Con trỏ phân trang không hợp lệ / invalid cursor");
        }
    }

    public static long decodeId(String cursor) {
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw new BadInputException("after", "Con trỏ phân trang không hợp lệ / invalid cursor");
        }
    }
}
