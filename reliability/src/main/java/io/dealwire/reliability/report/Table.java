package io.dealwire.reliability.report;

import java.util.List;
import java.util.Locale;

/** Renders rows as a Markdown table (readable in a terminal and pasteable into the README). */
public final class Table {
    private Table() {
    }

    public static String render(List<Row> rows) {
        var sb = new StringBuilder();
        sb.append("| scenario | messages on server | stored | duplicates | missing | index == store | recovered in (s) | verdict |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | :---: | ---: | --- |\n");
        for (var r : rows) {
            sb.append("| ").append(r.scenario())
                    .append(" | ").append(num(r.serverMessages()))
                    .append(" | ").append(num(r.stored()))
                    .append(" | ").append(num(r.duplicates()))
                    .append(" | ").append(num(r.missing()))
                    .append(" | ").append(r.indexMatchesStore())
                    .append(" | ").append(r.recoveredSeconds() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.recoveredSeconds()))
                    .append(" | ").append(r.passed() ? "PASS" : "FAIL")
                    .append(" |\n");
        }
        for (var r : rows) {
            if (r.findings().isEmpty() && r.notes().isEmpty()) continue;
            sb.append("\n**").append(r.scenario()).append("**\n");
            for (var f : r.findings()) sb.append("- FAIL: ").append(f).append('\n');
            for (var n : r.notes()) sb.append("- ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static String num(long n) {
        return n < 0 ? "-" : Long.toString(n);
    }
}
