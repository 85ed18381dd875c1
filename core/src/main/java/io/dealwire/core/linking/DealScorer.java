package io.dealwire.core.linking;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.party.OwnDomains;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores a message against a deal from the deal's earlier messages: who took part, what it was about, how
 * recent. Only the deal's latest {@value #RECENT_MESSAGES} messages are read: what a deal is about now shows
 * in its recent mail, and a long-running account must not make every new message slower.
 */
final class DealScorer {
    static final int RECENT_MESSAGES = 40;

    private final OwnDomains ownDomains;

    /** What scoring reads from one message, kept so a deal's earlier mail is not tokenised again for every new message. */
    private record Features(Set<String> people, Set<String> subject, Set<String> words, Set<String> references, Set<String> names) {
    }

    private static final int CACHE_SIZE = 20_000;
    private final Map<String, Features> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Features> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    DealScorer(OwnDomains ownDomains) {
        this.ownDomains = ownDomains;
    }

    private Features features(StoredMessage m) {
        // keyed by content too: an erased or corrected message must be read again
        var key = m.id() + "|" + m.erased() + "|" + m.mail().subject().hashCode() + "|" + m.mail().text().hashCode();
        return cache.computeIfAbsent(key, k -> {
            var references = new HashSet<>(Words.references(m.mail().subject() + "\n" + m.mail().text()));
            for (var a : m.mail().attachments()) references.addAll(Words.references(a.filename()));
            return new Features(external(m.mail()), Words.of(m.mail().subject()), Words.of(m.mail().newText()), references, names(m.mail()));
        });
    }

    /** What scoring reads from the new message itself: the same for every deal it is scored against. */
    private record MailSide(MailMessage mail, Set<String> external, Set<String> names, Set<String> subject, Set<String> words,
                            Set<String> references) {
    }

    /** The last message read on this thread, by identity: a message is scored against each open deal of its customer. */
    private final ThreadLocal<MailSide> lastMail = new ThreadLocal<>();

    private MailSide mailSide(MailMessage mail) {
        var last = lastMail.get();
        if (last != null && last.mail() == mail) return last;
        var references = Words.references(mail.subject() + "\n" + mail.newText());
        for (var a : mail.attachments()) references.addAll(Words.references(a.filename()));
        var side = new MailSide(mail, external(mail), Set.copyOf(names(mail)), Set.copyOf(Words.of(mail.subject())),
                Set.copyOf(Words.of(mail.newText())), Set.copyOf(references));
        lastMail.set(side);
        return side;
    }

    DealScore score(MailMessage mail, Deal deal, List<StoredMessage> dealMessages) {
        var side = mailSide(mail);
        var external = side.external();
        var dealPeople = new HashSet<String>();
        var dealSubjects = new HashSet<>(Words.of(deal.title()));
        var dealWords = new HashSet<String>();
        var dealReferences = new HashSet<String>();
        var names = new HashSet<>(side.names());
        Instant last = deal.createdAt();
        for (var m : dealMessages) {
            if (m.mail().date() != null && (last == null || m.mail().date().isAfter(last))) last = m.mail().date();
        }
        var recent = dealMessages.size() > RECENT_MESSAGES
                ? dealMessages.stream().sorted(Comparator.comparing((StoredMessage m) -> m.mail().date(),
                        Comparator.nullsFirst(Comparator.naturalOrder()))).skip(dealMessages.size() - RECENT_MESSAGES).toList()
                : dealMessages;
        for (var m : recent) {
            if (m.id().equals(mail.id()) || m.erased()) continue;
            var f = features(m);
            dealPeople.addAll(f.people());
            dealSubjects.addAll(f.subject());
            dealWords.addAll(f.words());
            dealReferences.addAll(f.references());
            names.addAll(f.names());
        }
        // who writes to whom ("Bonjour Paul", "Claire") says nothing of what the mail is about
        dealSubjects.removeAll(names);
        dealWords.removeAll(names);
        double participants = external.isEmpty() ? 0 : (double) external.stream().filter(dealPeople::contains).count() / external.size();
        var subjectWords = new HashSet<>(side.subject());
        subjectWords.removeAll(names);
        double subject = Words.overlap(subjectWords, dealSubjects);
        var words = new HashSet<>(side.words());
        words.removeAll(names);
        double wording = words.isEmpty() ? 0 : (double) words.stream().filter(dealWords::contains).count() / words.size();
        double recency = 0;
        if (last != null && mail.date() != null) {
            double days = Math.abs(Duration.between(last, mail.date()).toHours()) / 24.0;
            recency = Math.exp(-days / 30.0);
        }
        boolean sharedReference = side.references().stream().anyMatch(dealReferences::contains);
        return new DealScore(deal, participants, subject, wording, recency, sharedReference);
    }

    /**
     * The words of the participants' names and mailbox names: "Claire Martin <claire.martin@acme-industrie.fr>" → claire,
     * martin. The domain stays: "belvedere-hotels" may well name what the deal is about.
     */
    private static Set<String> names(MailMessage mail) {
        var out = new HashSet<String>();
        for (var a : mail.participants()) out.addAll(Words.of((a.name() == null ? "" : a.name()) + " " + a.localPart()));
        return out;
    }

    private Set<String> external(MailMessage mail) {
        return mail.participants().stream().filter(a -> !ownDomains.isOurs(a)).map(EmailAddress::address).collect(Collectors.toSet());
    }
}
