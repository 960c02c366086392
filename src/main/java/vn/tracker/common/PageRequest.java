package vn.tracker.common;

/** first/after of a Relay connection, validated: default page 20, maximum 100. */
public record PageRequest(int first, String after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0 || size > MAX_SIZE) {
            throw new BadInputException("first",
                    "first phải từ 0 đến " + MAX_SIZE + " / first must be between 0 and " + MAX_SIZE);
        }
        return new PageRequest(size, after);
    }

    /** The id after which the page starts, 0 for the first page (for id-ordered lists). */
    public long afterId() {
        return after == null ? 0L : Cursor.decodeId(after);
    }
}
