package io.dealwire.api.listing;

import io.dealwire.api.http.ApiException;
import io.dealwire.api.http.ApiLimits;

import java.util.List;

/** One page of a list: {@code total} items match, {@code items} start at {@code offset}. */
public record Page<T>(long total, int offset, int limit, List<T> items) {

    public static <T> Page<T> of(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.size(), offset, limit, List.copyOf(all.subList(from, to)));
    }

    /** Parses an offset parameter: absent → 0, otherwise a whole number ≥ 0. */
    public static int offset(String raw) {
        if (raw == null || raw.isBlank()) return 0;
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 0) return n;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("offset must be a whole number from 0, got '" + raw + "'");
    }

    public static int limit(String raw) {
        return ApiLimits.pageSize(raw);
    }
}
