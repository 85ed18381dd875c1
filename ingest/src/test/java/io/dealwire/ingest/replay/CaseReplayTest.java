package io.dealwire.ingest.replay;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's labeled cases (64, English and French, see {@code ../shared/docs/stage-fixtures.md}) replayed
 * as {@code eval-stages} does: stage, every reply flag and the deal count must each match in at least 90 % of
 * the checks the cases ask for.
 */
class CaseReplayTest {
    static final double REQUIRED = 0.9;

    static Path casesDir() {
        Path here = Path.of("src/test/resources/stage-cases");
        return Files.isDirectory(here) ? here : Path.of("../api/src/test/resources/stage-cases");
    }

    @Test
    void labeledCasesScoreAtLeastNinetyPercentOnEveryCheck() throws Exception {
        var bytes = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = EvalStages.run(casesDir(), Path.of("target/eval-stages.json"), new PrintStream(bytes, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        // target/eval-stages.json keeps every case's checks and the main deal's stage history with its evidence.
        assertTrue(status == 0, "every case must be readable: " + err.toString(StandardCharsets.UTF_8));
        var report = EvalStages.evaluate(casesDir());
        assertTrue(report.results().size() >= 60, "at least 60 labeled cases, found " + report.results().size());
        for (var kind : CaseResult.Kind.values()) {
            if (kind == CaseResult.Kind.STEP) continue;
            var score = report.score(kind);
            assertTrue(score.rate() >= REQUIRED, kind.label() + " " + score + " is below 90 %\n" + out);
        }
    }
}
