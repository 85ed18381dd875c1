package io.dealwire.reliability.report;

import io.dealwire.reliability.audit.StoreAudit;

import java.util.ArrayList;
import java.util.List;

/** One line of the figures table: a scenario's outcome, with the findings that explain a failure. */
public record Row(String scenario, long serverMessages, long stored, long duplicates, long missing, String indexMatchesStore,
                  Double recoveredSeconds, boolean passed, List<String> findings, List<String> notes) {

    /** A row from an audit plus the scenario's own checks; any finding fails it, notes are figures worth reading. */
    public static Row of(String scenario, StoreAudit.Result audit, Double recoveredSeconds, List<String> scenarioFindings,
                         List<String> notes) {
        var findings = new ArrayList<>(scenarioFindings);
        if (audit.missing() > 0) findings.add(audit.missing() + " server messages not stored");
        if (audit.duplicates() > 0) findings.add(audit.duplicates() + " duplicates stored");
        if (audit.wrongMessageId() > 0) findings.add(audit.wrongMessageId() + " slots hold another message than the server's");
        if (!audit.indexMatchesStore())
            findings.add("index has " + audit.indexDocuments() + " documents at seq " + audit.indexedSeq() + ", store has "
                    + audit.indexable() + " indexable messages at seq " + audit.storeSeq());
        if (!"idle".equals(audit.mailboxState())) findings.add("mailbox left in state " + audit.mailboxState());
        if (!findings.isEmpty()) findings.addAll(audit.examples());
        return new Row(scenario, audit.serverMessages(), audit.stored(), audit.duplicates(), audit.missing(),
                audit.indexMatchesStore() ? "yes" : "NO", recoveredSeconds, findings.isEmpty(), findings, List.copyOf(notes));
    }

    /** A scenario that could not run to its audit. */
    public static Row aborted(String scenario, String why) {
        return new Row(scenario, -1, -1, -1, -1, "-", null, false, List.of(why), List.of());
    }
}
