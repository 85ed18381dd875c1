package io.dealwire.core.inference;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.message.StoredMessage;

/** Reads a message just linked to a deal and records what it says about the deal's stage, with evidence. */
public interface StageInference {

    /** Returns the deal as it is after the message (its stage may have moved). */
    Deal onLinkedMessage(Deal deal, StoredMessage message);

    /** Infers nothing: for stores whose stages are only changed by people. */
    StageInference NONE = (deal, message) -> deal;
}
