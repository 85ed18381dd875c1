package io.dealwire.core.activity;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The reminders list of each owner: deals that need a reply, deals whose follow-up is due (our message
 * unanswered for longer than {@code followUpAfter}), and inactive deals. Oldest first within each kind.
 */
public final class Reminders {
    public static final Duration DEFAULT_FOLLOW_UP = Duration.ofDays(3);
    private static final int PAGE = 500;

    private final Store store;
    private final Duration followUpAfter;

    public Reminders(Store store, Duration followUpAfter) {
        this.store = store;
        this.followUpAfter = followUpAfter == null ? DEFAULT_FOLLOW_UP : followUpAfter;
    }

    public Reminders(Store store) {
        this(store, DEFAULT_FOLLOW_UP);
    }

    /** Reminders of one owner; {@code ownerId} null lists every owner's (deals without an owner included). */
    public List<Reminder> forOwner(String ownerId, Instant asOf) {
        var out = new ArrayList<Reminder>();
        for (int offset = 0; ; offset += PAGE) {
            var page = store.deals().list(offset, PAGE);
            for (var deal : page) {
                if (ownerId == null || Objects.equals(ownerId, deal.ownerId())) out.addAll(of(deal, asOf));
            }
            if (page.size() < PAGE) break;
        }
        out.sort(Comparator.comparing(Reminder::kind).thenComparing(Reminder::since, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** The reminders one deal raises at {@code asOf}. */
    public List<Reminder> of(Deal deal, Instant asOf) {
        var activity = ActivityCalculator.of(store, deal, asOf);
        var out = new ArrayList<Reminder>(2);
        if (activity.lastActivity() == null) return out;
        var since = activity.lastActivity();
        if (activity.needsReply()) out.add(reminder(Reminder.Kind.NEEDS_REPLY, deal, since, activity));
        if (activity.awaitingReply() && Duration.between(since, asOf).compareTo(followUpAfter) > 0)
            out.add(reminder(Reminder.Kind.FOLLOW_UP_DUE, deal, since, activity));
        if (activity.inactive()) out.add(reminder(Reminder.Kind.INACTIVE, deal, since, activity));
        return out;
    }

    private static Reminder reminder(Reminder.Kind kind, Deal deal, Instant since, DealActivity activity) {
        return new Reminder(kind, deal.id(), deal.title(), deal.ownerId(), since, activity.daysSince());
    }
}
