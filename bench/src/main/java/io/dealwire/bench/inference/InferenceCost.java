package io.dealwire.bench.inference;

import io.dealwire.bench.cli.Args;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.inference.RuleBasedStageInference;
import io.dealwire.core.inference.StageInference;
import io.dealwire.core.intake.CrmSettings;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.InMemoryStore;
import io.dealwire.ingest.mime.MimeParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * In-process cost per message of parsing, of the whole intake (link, infer) and of the rule-based stage
 * inference alone, on a sample of the Enron corpus spread over every custodian, on an in-memory store.
 * A first pass over a fifth of the sample warms the JIT; the second, over all of it, is measured.
 */
public final class InferenceCost {

    /** Times every call of the inference it wraps. */
    static final class TimedInference implements StageInference {
        private final StageInference inner;
        long nanos;
        long calls;

        TimedInference(StageInference inner) {
            this.inner = inner;
        }

        @Override
        public Deal onLinkedMessage(Deal deal, StoredMessage message) {
            long t0 = System.nanoTime();
            try {
                return inner.onLinkedMessage(deal, message);
            } finally {
                nanos += System.nanoTime() - t0;
                calls++;
            }
        }
    }

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv);
        var maildir = args.path("maildir");
        int sample = args.integer("messages", 10_000);

        List<Path> all;
        try (var walk = Files.walk(maildir)) {
            all = walk.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().equals("cur")).sorted().toList();
        }
        var files = new ArrayList<Path>();
        double step = Math.max(1.0, all.size() / (double) sample);
        for (double i = 0; i < all.size() && files.size() < sample; i += step) files.add(all.get((int) i));
        var raws = new ArrayList<byte[]>(files.size());
        for (var f : files) raws.add(Files.readAllBytes(f));

        var parser = new MimeParser();
        List<MailMessage> parsed = List.of();
        long parseNanos = 0;
        for (int pass = 0; pass < 2; pass++) {
            // the first pass (a fifth of the sample) warms the JIT
            var input = pass == 0 ? raws.subList(0, raws.size() / 5) : raws;
            long t0 = System.nanoTime();
            var out = new ArrayList<MailMessage>(input.size());
            for (var raw : input) out.add(parser.parse(raw));
            parseNanos = System.nanoTime() - t0;
            parsed = out;
        }

        TimedInference timed = null;
        long intakeNanos = 0;
        int deals = 0;
        for (int pass = 0; pass < 2; pass++) {
            var store = new InMemoryStore();
            store.pipelines().save(PipelineTemplates.defaultPipeline());
            var clock = Clock.systemUTC();
            var timings = new TimedInference[1];
            var intake = new MessageIntake(store, CrmSettings.of(new OwnDomains(Set.of("enron.com"))),
                    view -> timings[0] = new TimedInference(new RuleBasedStageInference(view, clock)), clock, IdGenerator.sequential());
            timed = timings[0];
            long t0 = System.nanoTime();
            long uid = 0;
            var input = pass == 0 ? parsed.subList(0, parsed.size() / 5) : parsed;
            for (var mail : input) intake.accept(mail, new MessageLocation("bench", "INBOX", 1, ++uid, false));
            intakeNanos = System.nanoTime() - t0;
            deals = (int) store.deals().count();
        }

        int n = parsed.size();
        System.out.printf("Stage inference cost, %d Enron messages (every %.1fth of %d), in process, second pass%n", n, step, all.size());
        System.out.printf("  parse (MimeParser)              %8.1f µs/msg%n", parseNanos / 1e3 / n);
        System.out.printf("  intake (link + infer, in memory)%8.1f µs/msg%n", intakeNanos / 1e3 / n);
        System.out.printf("  stage inference                 %8.1f µs/msg over all messages; %d calls (messages on a deal), %.1f µs/call; %d deals%n",
                timed.nanos / 1e3 / n, timed.calls, timed.calls == 0 ? 0 : timed.nanos / 1e3 / timed.calls, deals);
    }
}
