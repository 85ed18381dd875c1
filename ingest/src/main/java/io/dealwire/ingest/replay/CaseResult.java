package io.dealwire.ingest.replay;

import java.util.List;
import java.util.Objects;

/**
 * What replaying one case gave, check by check, and the main deal's stage history (to see why).
 *
 * @param checks  every check the case asked for, in the order of the report
 * @param history the main deal's stage changes: message file, from, to, rule, quoted sentence
 */
public record CaseResult(String name, List<Check> checks, List<HistoryEntry> history) {

    public CaseResult {
        checks = List.copyOf(checks);
        history = List.copyOf(history);
    }

    public enum Kind {
        STAGE("stage"), STEP("steps"), DEALS("deals"), NEEDS_REPLY("needsReply"), AWAITING_REPLY("awaitingReply"), INACTIVE("inactive");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name the summary line and the JSON report use. */
        public String label() {
            return label;
        }
    }

    /** One expectation: {@code what} is e.g. "stage" or "after 003.eml". */
    public record Check(Kind kind, String what, Object expected, Object actual) {
        public boolean matched() {
            return Objects.equals(String.valueOf(expected), String.valueOf(actual));
        }
    }

    public record HistoryEntry(String message, String from, String to, String mode, String rule, String quote, double confidence) {
    }

    public List<Check> differences() {
        return checks.stream().filter(c -> !c.matched()).toList();
    }

    public boolean passed() {
        return differences().isEmpty();
    }
}
