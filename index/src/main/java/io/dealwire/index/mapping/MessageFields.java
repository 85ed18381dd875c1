package io.dealwire.index.mapping;

import java.util.List;
import java.util.Set;

/**
 * Field names of the message index and its schema version. Bump {@link #SCHEMA_VERSION} whenever a field
 * is added, renamed or analysed differently: an index written with another version is rebuilt from the
 * store rather than read with the wrong assumptions.
 */
public final class MessageFields {
    public static final int SCHEMA_VERSION = 6;

    /** Suffixes selecting the analyzer (see {@code MessageAnalyzers}). */
    public static final String EN = "_en";
    public static final String FR = "_fr";
    public static final String FOLD = "_fold";

    public static final String ID = "id";
    /**
     * A 64-bit hash of the id as a number ({@link #idOrder}): the last tie-break of every sort. Comparing ids
     * as strings made each competitive hit look its id up in a compressed terms dictionary.
     */
    public static final String ID_ORDER = "id_order";
    /** The Message-ID header, stored only: a search hit carries it so a mail client can open the message. */
    public static final String HEADER_ID = "messageIdHeader";
    public static final String CONVERSATION = "conv";
    public static final String SUBJECT = "subject";
    public static final String BODY = "body";
    /**
     * The whole text including quoted and forwarded history, folded, with positions: a phrase is found wherever
     * it was written ({@code "natural gas"} in a forwarded newsletter). It also serves the folded form of the
     * message's own words, which therefore have no {@code body_fold} field of their own.
     */
    public static final String FULL = "full";
    public static final String FROM_ADDR = "from_addr";
    public static final String FROM_TEXT = "from_text";
    public static final String TO_ADDR = "to_addr";
    public static final String TO_TEXT = "to_text";
    public static final String CC_ADDR = "cc_addr";
    public static final String CC_TEXT = "cc_text";
    public static final String COMPANY = "company";
    public static final String COMPANY_TEXT = "company_text";
    public static final String DEAL = "deal";
    public static final String DEAL_TEXT = "deal_text";
    public static final String STAGE = "stage";
    public static final String OWNER = "owner";
    public static final String MAILBOX = "mailbox";
    public static final String FOLDER = "folder";
    public static final String DATE = "date";
    public static final String MONTH = "month";
    public static final String DIRECTION = "direction";
    public static final String FILENAME = "filename";
    public static final String FILETYPE = "filetype";
    public static final String HAS_ATTACHMENT = "has_attachment";
    public static final String LANGUAGE = "lang";
    public static final String AUTOMATED = "automated";
    public static final String PRIVATE = "private";
    /** Erased (GDPR): metadata kept, content gone; left out of timelines. */
    public static final String ERASED = "erased";
    /** Private or internal-only: visible to the owners of the message's mailboxes only. */
    public static final String RESTRICTED = "restricted";

    /** Stored only, for hits. */
    public static final String PREVIEW = "preview";
    public static final String FROM_DISPLAY = "from_display";
    public static final String COMPANY_NAME = "company_name";
    public static final String DEAL_TITLE = "deal_title";

    /** Doc values "id\u001fname" of the company, deal and sender, for type-ahead suggestions. */
    public static final String COMPANY_LABEL = "company_label";
    public static final String DEAL_LABEL = "deal_label";
    public static final String SENDER_LABEL = "sender_label";
    public static final char LABEL_SEPARATOR = '\u001f';

    public static final String TRUE = "true";

    public static final Set<String> PARTS_FIELDS = Set.of(FROM_TEXT, TO_TEXT, CC_TEXT, COMPANY_TEXT, DEAL_TEXT, FILENAME);

    /** Fields a free word is looked up in, with a boost per field. */
    public static final List<String> SUBJECT_FIELDS = List.of(SUBJECT + EN, SUBJECT + FR, SUBJECT + FOLD);

    /** Facet dimensions, by the name the API shows. */
    public static final List<String> FACETS = List.of(COMPANY, DEAL, STAGE, OWNER, MONTH);

    /** The tie-break value of an id: FNV-1a over its UTF-8 bytes, stable across versions and restarts. */
    public static long idOrder(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private MessageFields() {
    }
}
