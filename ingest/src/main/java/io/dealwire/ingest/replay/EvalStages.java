package io.dealwire.ingest.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code eval-stages DIR [--json FILE]}: replays every case directory under {@code DIR} (or {@code DIR}
 * itself when it is one case), prints one line per case and the summary line. Exit status 0 when every case
 * could be read, 1 when one could not (each such case is reported on {@code err} with its file and reason),
 * 2 when {@code DIR} itself or the JSON file is unusable.
 */
public final class EvalStages {
    public static final int OK = 0;
    public static final int UNREADABLE_CASE = 1;
    public static final int BAD_ARGUMENTS = 2;

    private EvalStages() {
    }

    public static int run(Path dir, Path jsonOrNull, PrintStream out, PrintStream err) {
        if (dir == null || !Files.isDirectory(dir)) {
            err.println("error: " + dir + ": not a directory of labeled cases");
            return BAD_ARGUMENTS;
        }
        List<Path> caseDirs;
        try {
            caseDirs = caseDirectories(dir);
        } catch (IOException e) {
            err.println("error: " + dir + ": cannot be listed (" + e.getMessage() + ")");
            return BAD_ARGUMENTS;
        }
        var replay = new CaseReplay();
        var results = new ArrayList<CaseResult>();
        int status = OK;
        for (var caseDir : caseDirs) {
            try {
                var result = replay.replay(caseDir);
                results.add(result);
                out.println(EvalReport.line(result));
            } catch (CaseReadException e) {
                err.println("error: " + e.getMessage());
                status = UNREADABLE_CASE;
            } catch (RuntimeException e) {
                // A bug met on one case must not hide the others' results: report it with the case.
                err.println("error: " + caseDir + ": replay failed (" + e + ")");
                status = UNREADABLE_CASE;
            }
        }
        var report = new EvalReport(results);
        out.println(report.summary());
        if (jsonOrNull != null) {
            try {
                report.writeJson(jsonOrNull);
            } catch (IOException e) {
                err.println("error: " + jsonOrNull + ": cannot write the JSON report (" + e.getMessage() + ")");
                return status == OK ? BAD_ARGUMENTS : status;
            }
        }
        return status;
    }

    /** Replays the cases and returns the report (for tests and benchmarks); unreadable cases are thrown. */
    public static EvalReport evaluate(Path dir) throws CaseReadException, IOException {
        var replay = new CaseReplay();
        var results = new ArrayList<CaseResult>();
        for (var caseDir : caseDirectories(dir)) results.add(replay.replay(caseDir));
        return new EvalReport(results);
    }

    /** Sub-directories in name order, hidden ones left out; DIR itself when it holds a case.json. */
    static List<Path> caseDirectories(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("case.json"))) return List.of(dir);
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
