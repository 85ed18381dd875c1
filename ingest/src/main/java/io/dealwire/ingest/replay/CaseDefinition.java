package io.dealwire.ingest.replay;

import java.time.Instant;
import java.util.List;

/**
 * A labeled case as {@code case.json} describes it (see {@code ../shared/docs/stage-fixtures.md}). Every
 * expectation is optional: null means the case does not ask for that check.
 */
public record CaseDefinition(String name, String description, String language, List<String> ownDomains, Instant asOf,
                             Expectation expect, List<Step> steps) {

    public CaseDefinition {
        ownDomains = List.copyOf(ownDomains == null ? List.of() : ownDomains);
        steps = List.copyOf(steps == null ? List.of() : steps);
        expect = expect == null ? new Expectation(null, null, null, null, null) : expect;
    }

    public record Expectation(Integer deals, String stage, Boolean needsReply, Boolean awaitingReply, Boolean inactive) {
    }

    /** The expected stage right after the named message has been replayed. */
    public record Step(String after, String stage) {
    }
}
