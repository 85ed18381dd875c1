package io.dealwire.core.inference;

import io.dealwire.core.message.Direction;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A text rule: a precompiled pattern over normalized sentences, the milestone it is evidence of, and the
 * guards that keep a request, a negation or a hypothetical from counting as the thing itself.
 *
 * @param direction  whose mail the rule reads (null: both sides)
 * @param triggers   words one of which must occur in the message for the pattern to be tried at all (a cheap
 *                   filter that keeps inference fast); empty = always try
 * @param category   rules of one category (budget, authority, timeline, need) add up only once
 * @param literals   the literal text any match of {@code pattern} contains, read from it: a sentence without it
 *                   is not run through the pattern
 */
record Rule(String name, Milestone milestone, double confidence, Direction direction, Pattern pattern,
            Set<String> triggers, boolean negatable, boolean questionOk, Signal.Condition condition, String category,
            LiteralPrefilter literals) {

    boolean appliesTo(Direction d) {
        return direction == null || direction == d;
    }
}
