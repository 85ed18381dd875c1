package io.dealwire.ingest.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay mechanics on small cases of its own: steps, flags, noise, the summary line, JSON, unreadable cases. */
class EvalStagesTest {
    private static final Path CASES = Path.of("src/test/resources/replay-cases");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path dir, Path json) {
        return EvalStages.run(dir, json, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void replaysAGoodCaseAndPrintsExactlyOneSummaryLine(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("report.json");
        assertEquals(0, run(CASES.resolve("good"), json));
        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines::toString);
        assertEquals("ok   outbound-then-reply", lines.get(0));
        assertEquals("eval: cases 1, stage 1/1, steps 2/2, deals 1/1, needsReply 1/1, awaitingReply 1/1, inactive 1/1", lines.get(1));
        String report = Files.readString(json);
        assertTrue(report.contains("\"name\" : \"outbound-then-reply\""), report);
        assertTrue(report.contains("contacted.our-mail"), "the JSON keeps the stage history with its evidence: " + report);
    }

    @Test
    void aCaseDirectoryItselfCanBeReplayed() throws Exception {
        var result = new CaseReplay().replay(CASES.resolve("good/outbound-then-reply"));
        assertTrue(result.passed(), result::toString);
        assertEquals(1, EvalStages.caseDirectories(CASES.resolve("good/outbound-then-reply")).size());
    }

    @Test
    void unreadableCasesAreNamedWithTheirReasonAndTheStatusIsNonZero() {
        int status = run(CASES.resolve("broken"), null);
        assertEquals(EvalStages.UNREADABLE_CASE, status);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("bad-json") && errors.contains("case.json") && errors.contains("not valid JSON"), errors);
        assertTrue(errors.contains("no-case-json") && errors.contains("missing"), errors);
        assertTrue(errors.contains("unknown-step") && errors.contains("009.eml"), errors);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("eval: cases 0,"), "the summary line is still printed");
    }

    @Test
    void aMissingDirectoryIsAnError(@TempDir Path tmp) {
        assertEquals(EvalStages.BAD_ARGUMENTS, run(tmp.resolve("nope"), null));
    }

    @Test
    void theReaderRejectsAStageOutsideTheDefaultPipeline(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("messages"));
        Files.writeString(tmp.resolve("case.json"), "{\"ownDomains\":[\"a.example\"],\"asOf\":\"2025-01-01T00:00:00Z\",\"expect\":{\"stage\":\"negotiation\"}}");
        var e = assertThrows(CaseReadException.class, () -> new CaseReader().read(tmp));
        assertTrue(e.getMessage().contains("negotiation"), e.getMessage());
        assertEquals(tmp.resolve("case.json"), e.file());
    }
}
