package vn.tracker.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds console links from a path and query parameters, form-encoding every value (so "+", "&",
 * "{" or Vietnamese text in a search reach the server exactly as typed). Immutable: each
 * {@code with…} returns a new link, so one filter state can yield many links.
 */
public final class QueryLink {

    private final String path;
    private final List<String[]> params;

    private QueryLink(String path, List<String[]> params) {
        this.path = path;
        this.params = params;
    }

    public static QueryLink to(String path) {
        return new QueryLink(path, List.of());
    }

    /** Adds a parameter; null values are left out. */
    public QueryLink with(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<String[]> next = new ArrayList<>(params);
        next.add(new String[] {name, value.toString()});
        return new QueryLink(path, next);
    }

    /** Replaces every value of a parameter (none when value is null). */
    public QueryLink replace(String name, Object value) {
        List<String[]> next = new ArrayList<>(params.size());
        for (String[] p : params) {
            if (!p[0].equals(name)) {
                next.add(p);
            }
        }
        QueryLink without = new QueryLink(path, next);
        return without.with(name, value);
    }

    @Override
    public String toString() {
        if (params.isEmpty()) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path).append('?');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(encode(params.get(i)[0])).append('=').append(encode(params.get(i)[1]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryLink other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
