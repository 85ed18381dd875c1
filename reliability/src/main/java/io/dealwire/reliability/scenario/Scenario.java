package io.dealwire.reliability.scenario;

import io.dealwire.reliability.report.Row;

import java.util.List;

/** One fault scenario: runs bounded in time, cleans up every process it started, and reports table rows. */
public interface Scenario {
    String name();

    List<Row> run(Harness harness) throws Exception;
}
