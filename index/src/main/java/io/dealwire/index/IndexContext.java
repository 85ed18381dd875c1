package io.dealwire.index;

/**
 * Names and owners the index needs but a message does not carry. The API implements it over the store;
 * a lookup that finds nothing returns an empty string (the field is then simply not indexed).
 * Values are read at index time: renaming a company shows in search after its messages are reindexed.
 */
public interface IndexContext {

    /** Resolves nothing: for tests and for indexing messages on their own. */
    IndexContext NONE = new IndexContext() {
    };

    default String companyName(String companyId) {
        return "";
    }

    default String dealTitle(String dealId) {
        return "";
    }

    /** The deal's stage id when the message is indexed. */
    default String dealStage(String dealId) {
        return "";
    }

    /** The user owning the mailbox (who may see its private and internal mail). */
    default String mailboxOwner(String mailboxId) {
        return "";
    }
}
