package io.dealwire.core.message;

import java.util.ArrayList;
import java.util.List;

/**
 * A message with what the CRM knows about it.
 *
 * @param conversationId  thread id (References/In-Reply-To, else subject and participants)
 * @param dealId          linked deal, or null (internal, automated, ignored or not yet linked)
 * @param linkConfidence  0..1, how sure the linker was; 1 for a person's link
 * @param needsReview     linked below the confidence threshold
 * @param privateConversation marked private: visible to its mailboxes' owners only
 * @param erased          content removed on a GDPR erasure (metadata without personal data kept)
 * @param ignored         from or to an ignored sender or domain (personal mail): kept out of CRM views and the index
 * @param seq             store position: increases on every write, so the index can catch up from it
 */
public record StoredMessage(
        MailMessage mail,
        String conversationId,
        Direction direction,
        String language,
        String companyId,
        List<String> contactIds,
        String dealId,
        LinkSource linkSource,
        double linkConfidence,
        boolean needsReview,
        boolean privateConversation,
        boolean erased,
        boolean ignored,
        List<MessageLocation> locations,
        long seq) {

    public StoredMessage {
        contactIds = List.copyOf(contactIds == null ? List.of() : contactIds);
        locations = List.copyOf(locations == null ? List.of() : locations);
        language = language == null ? "" : language;
    }

    /** A message that is not ignored (the form adapters written before ignore rules use). */
    public StoredMessage(MailMessage mail, String conversationId, Direction direction, String language, String companyId,
                         List<String> contactIds, String dealId, LinkSource linkSource, double linkConfidence,
                         boolean needsReview, boolean privateConversation, boolean erased, List<MessageLocation> locations, long seq) {
        this(mail, conversationId, direction, language, companyId, contactIds, dealId, linkSource, linkConfidence, needsReview,
                privateConversation, erased, false, locations, seq);
    }

    public static StoredMessage of(MailMessage mail) {
        return new StoredMessage(mail, null, null, "", null, List.of(), null, null, 0, false, false, false, false, List.of(), 0);
    }

    public String id() {
        return mail.id();
    }

    public StoredMessage withLocation(MessageLocation location) {
        var list = new ArrayList<MessageLocation>(locations.size() + 1);
        boolean replaced = false;
        for (var l : locations) {
            if (l.sameSlot(location)) {
                list.add(location);
                replaced = true;
            } else {
                list.add(l);
            }
        }
        if (!replaced) list.add(location);
        return with(b -> b.locations = list);
    }

    public StoredMessage withSeq(long seq) {
        return with(b -> b.seq = seq);
    }

    /** Copy with changes: {@code m.with(b -> { b.dealId = "d1"; b.linkSource = LinkSource.AUTO; })}. */
    public StoredMessage with(java.util.function.Consumer<Builder> change) {
        var b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    public static final class Builder {
        public MailMessage mail;
        public String conversationId;
        public Direction direction;
        public String language;
        public String companyId;
        public List<String> contactIds;
        public String dealId;
        public LinkSource linkSource;
        public double linkConfidence;
        public boolean needsReview;
        public boolean privateConversation;
        public boolean erased;
        public boolean ignored;
        public List<MessageLocation> locations;
        public long seq;

        Builder(StoredMessage m) {
            mail = m.mail; conversationId = m.conversationId; direction = m.direction; language = m.language;
            companyId = m.companyId; contactIds = m.contactIds; dealId = m.dealId; linkSource = m.linkSource;
            linkConfidence = m.linkConfidence; needsReview = m.needsReview; privateConversation = m.privateConversation;
            erased = m.erased; ignored = m.ignored; locations = m.locations; seq = m.seq;
        }

        StoredMessage build() {
            return new StoredMessage(mail, conversationId, direction, language, companyId, contactIds, dealId,
                    linkSource, linkConfidence, needsReview, privateConversation, erased, ignored, locations, seq);
        }
    }
}
