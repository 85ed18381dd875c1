package io.dealwire.core.linking;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.party.OwnDomains;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Scores a message against a deal from the deal's earlier messages: who took part, what it was about, how recent. */
final class DealScorer {
    private final OwnDomains ownDomains;

    DealScorer(OwnDomains ownDomains) {
        this.ownDomains = ownDomains;
    }

    DealScore score(MailMessage mail, Deal deal, List<StoredMessage> dealMessages) {
        var external = external(mail);
        var dealPeople = new HashSet<String>();
        var dealSubjects = new HashSet<>(Words.of(deal.title()));
        var dealWords = new HashSet<String>();
        var dealReferences = new HashSet<String>();
        Instant last = deal.createdAt();
        for (var m : dealMessages) {
            if (m.id().equals(mail.id()) || m.erased()) continue;
            dealPeople.addAll(external(m.mail()));
            dealSubjects.addAll(Words.of(m.mail().subject()));
            dealWords.addAll(Words.of(m.mail().newText()));
            dealReferences.addAll(Words.references(m.mail().subject() + "\n" + m.mail().text()));
            for (var a : m.mail().attachments()) dealReferences.addAll(Words.references(a.filename()));
            if (m.mail().date() != null && (last == null || m.mail().date().isAfter(last))) last = m.mail().date();
        }
        double participants = external.isEmpty() ? 0 : (double) external.stream().filter(dealPeople::contains).count() / external.size();
        double subject = Words.overlap(Words.of(mail.subject()), dealSubjects);
        var words = Words.of(mail.newText());
        double wording = words.isEmpty() ? 0 : (double) words.stream().filter(dealWords::contains).count() / words.size();
        double recency = 0;
        if (last != null && mail.date() != null) {
            double days = Math.abs(Duration.between(last, mail.date()).toHours()) / 24.0;
            recency = Math.exp(-days / 30.0);
        }
        var references = Words.references(mail.subject() + "\n" + mail.newText());
        for (var a : mail.attachments()) references.addAll(Words.references(a.filename()));
        boolean sharedReference = references.stream().anyMatch(dealReferences::contains);
        return new DealScore(deal, participants, subject, wording, recency, sharedReference);
    }

    private Set<String> external(MailMessage mail) {
        return mail.participants().stream().filter(a -> !ownDomains.isOurs(a)).map(EmailAddress::address).collect(Collectors.toSet());
    }
}
