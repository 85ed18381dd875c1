package io.dealwire.api.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Replays labeled cases through parsing, linking and inference and scores the outcome. */
@Command(name = "eval-stages", mixinStandardHelpOptions = true,
        description = "Replay labeled conversation cases (see docs) and score stage, steps, deals and reply flags.")
public final class EvalStagesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "a directory of cases (each with case.json and messages/*.eml)")
    Path dir;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the per-case results as JSON")
    Path json;

    @Override
    public Integer call() {
        return io.dealwire.ingest.replay.EvalStages.run(dir, json, System.out, System.err);
    }
}
