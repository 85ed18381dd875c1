package io.dealwire.api.http;

/** Input limits the API enforces. */
public final class ApiLimits {
    public static final long MAX_BODY_BYTES = 1_048_576;
    public static final int MAX_PAGE = 100;
    public static final int DEFAULT_PAGE = 20;

    private ApiLimits() {
    }

    /** Parses a page size parameter: absent → default, otherwise 1..{@link #MAX_PAGE}. */
    public static int pageSize(String raw) {
        if (raw == null || raw.isBlank()) return DEFAULT_PAGE;
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 1 && n <= MAX_PAGE) return n;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_PAGE + ", got '" + raw + "'");
    }
}
