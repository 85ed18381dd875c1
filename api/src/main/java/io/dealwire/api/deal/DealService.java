package io.dealwire.api.deal;

import io.dealwire.api.context.ContextService.DealStatus;
import io.dealwire.api.context.ContextView.StageView;
import io.dealwire.api.http.ApiException;
import io.dealwire.api.listing.Page;
import io.dealwire.api.scope.Scope;
import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.message.LinkSource;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Deals: list, read, create, change, move between stages, decide on suggestions, merge. Blocking. */
public final class DealService {
    private final Store store;
    private final DealStatus status;
    private final Clock clock;
    private final IdGenerator ids;

    public DealService(Store store, DealStatus status, Clock clock, IdGenerator ids) {
        this.store = store;
        this.status = status;
        this.clock = clock;
        this.ids = ids;
    }

    /** List filters; null means "any". {@code owner} may be "me". {@code q} matches the title or the company's name. */
    public record Filter(String pipeline, String stage, String owner, String company, String q) {
    }

    public Page<DealView> list(Scope scope, Filter f, int offset, int limit) {
        var owner = "me".equals(f.owner()) ? scope.user().id() : f.owner();
        var q = f.q() == null ? null : f.q().toLowerCase(Locale.ROOT);
        var companies = new HashMap<String, String>();
        var matching = store.deals().list(0, Integer.MAX_VALUE).stream()
                .filter(d -> f.pipeline() == null || f.pipeline().equals(d.pipelineId()))
                .filter(d -> f.stage() == null || f.stage().equals(d.stageId()))
                .filter(d -> owner == null || owner.equals(d.ownerId()))
                .filter(d -> f.company() == null || f.company().equals(d.companyId()))
                .filter(d -> q == null || d.title().toLowerCase(Locale.ROOT).contains(q)
                        || companyName(d.companyId(), companies).toLowerCase(Locale.ROOT).contains(q))
                .filter(scope::deal)
                .sorted(Comparator.comparing(Deal::stageChangedAt, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Deal::id))
                .toList();
        var page = Page.of(matching, offset, limit);
        var pipelines = new HashMap<String, Pipeline>();
        var users = new HashMap<String, String>();
        return new Page<>(page.total(), offset, limit, page.items().stream().map(d -> view(d, pipelines, companies, users)).toList());
    }

    public DealView.Detail get(Scope scope, String id) {
        var deal = scope.requireDeal(id);
        var pipeline = store.pipelines().find(deal.pipelineId()).orElse(null);
        var history = store.deals().changes(deal.id());
        var applied = history.stream().filter(c -> c.status() != StageChange.Status.PENDING).map(c -> changeView(c, pipeline)).toList();
        var pending = history.stream().filter(c -> c.status() == StageChange.Status.PENDING).map(c -> changeView(c, pipeline)).toList();
        return new DealView.Detail(view(deal), applied, pending, people(scope, deal));
    }

    public DealView view(Deal deal) {
        return view(deal, new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    public record Draft(String title, String pipelineId, String stageId, String companyId, String personContactId, String ownerId,
                        Double value, String currency) {
    }

    public DealView create(Scope scope, Draft draft) {
        if (draft.title() == null || draft.title().isBlank()) throw ApiException.badRequest("title is required");
        var pipeline = pipeline(draft.pipelineId() == null ? "default" : draft.pipelineId());
        var stage = draft.stageId() == null ? pipeline.firstStage().id() : requireStage(pipeline, draft.stageId());
        if (draft.companyId() == null && draft.personContactId() == null)
            throw ApiException.badRequest("a deal needs a customer: give companyId or personContactId");
        if (draft.companyId() != null) scope.requireCompany(draft.companyId());
        if (draft.personContactId() != null) scope.requireContact(draft.personContactId());
        var owner = owner(scope, draft.ownerId() == null ? scope.user().id() : draft.ownerId());
        var now = clock.instant();
        var deal = new Deal(ids.next("deal"), draft.title().strip(), pipeline.id(), stage, draft.companyId(), draft.personContactId(),
                owner, value(draft.value() == null ? 0 : draft.value()), currency(draft.currency()), now, now, true);
        store.deals().save(deal);
        store.deals().saveChange(new StageChange(ids.next("change"), deal.id(), null, stage, now, ChangeMode.PERSON, null,
                scope.user().id(), StageChange.Status.APPLIED));
        return view(deal);
    }

    /** Changes the given fields; the stage only moves through {@link #changeStage}, so its history stays whole. */
    public DealView update(Scope scope, String id, Draft change) {
        var deal = scope.requireDeal(id);
        if (change.stageId() != null) throw ApiException.badRequest("change the stage with POST /api/deals/" + id + "/stage");
        var title = change.title() == null ? deal.title() : change.title().strip();
        if (title.isEmpty()) throw ApiException.badRequest("title must not be blank");
        var pipelineId = deal.pipelineId();
        var stageId = deal.stageId();
        if (change.pipelineId() != null && !change.pipelineId().equals(deal.pipelineId())) {
            var target = pipeline(change.pipelineId());
            pipelineId = target.id();
            // The same stage id keeps its meaning across templates; otherwise the deal starts at the new pipeline's first stage.
            stageId = target.stage(deal.stageId()).isPresent() ? deal.stageId() : target.firstStage().id();
        }
        var companyId = change.companyId() == null ? deal.companyId() : scope.requireCompany(change.companyId()).id();
        var personId = change.personContactId() == null ? deal.personContactId() : scope.requireContact(change.personContactId()).id();
        var owner = change.ownerId() == null ? deal.ownerId() : owner(scope, change.ownerId());
        var updated = new Deal(deal.id(), title, pipelineId, stageId, companyId, personId, owner,
                change.value() == null ? deal.value() : value(change.value()),
                change.currency() == null ? deal.currency() : currency(change.currency()),
                deal.createdAt(), stageId.equals(deal.stageId()) ? deal.stageChangedAt() : clock.instant(), deal.stageSetByPerson());
        if (!stageId.equals(deal.stageId())) recordPersonChange(scope.user(), deal, stageId);
        store.deals().save(updated);
        return view(updated);
    }

    /** A person moves the deal: recorded in the history with mode PERSON, and inference never overrides it. */
    public DealView changeStage(Scope scope, String id, String stageId) {
        var deal = scope.requireDeal(id);
        var pipeline = pipeline(deal.pipelineId());
        requireStage(pipeline, stageId);
        if (stageId.equals(deal.stageId())) return view(deal);
        recordPersonChange(scope.user(), deal, stageId);
        var moved = store.deals().save(deal.withStage(stageId, clock.instant(), true));
        return view(moved);
    }

    private void recordPersonChange(User by, Deal deal, String toStage) {
        store.deals().saveChange(new StageChange(ids.next("change"), deal.id(), deal.stageId(), toStage, clock.instant(),
                ChangeMode.PERSON, null, by.id(), StageChange.Status.APPLIED));
    }

    /** Accepting a suggestion applies its stage as a person's decision; dismissing keeps the stage. */
    public DealView.Detail decide(Scope scope, String id, String changeId, boolean accept) {
        var deal = scope.requireDeal(id);
        var change = store.deals().changes(deal.id()).stream().filter(c -> c.id().equals(changeId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("deal " + id + " has no suggestion " + changeId));
        if (change.status() != StageChange.Status.PENDING)
            throw ApiException.conflict("suggestion " + changeId + " was already " + change.status().name().toLowerCase(Locale.ROOT));
        if (accept) {
            var pipeline = pipeline(deal.pipelineId());
            requireStage(pipeline, change.toStage());
            store.deals().saveChange(new StageChange(change.id(), change.dealId(), deal.stageId(), change.toStage(), change.at(),
                    change.mode(), change.evidence(), scope.user().id(), StageChange.Status.APPLIED));
            store.deals().save(deal.withStage(change.toStage(), clock.instant(), true));
        } else {
            store.deals().saveChange(new StageChange(change.id(), change.dealId(), change.fromStage(), change.toStage(), change.at(),
                    change.mode(), change.evidence(), scope.user().id(), StageChange.Status.DISMISSED));
        }
        return get(scope, id);
    }

    /**
     * Merges deal {@code id} into {@code intoId}: its messages move to the target as a person's link (the linker
     * never undoes it), its pending suggestions are dismissed, and the emptied deal is removed.
     */
    public DealView.Detail merge(Scope scope, String id, String intoId) {
        if (id.equals(intoId)) throw ApiException.badRequest("a deal cannot be merged into itself");
        var source = scope.requireDeal(id);
        var target = scope.requireDeal(intoId);
        var moved = new ArrayList<StoredMessage>();
        for (var m : store.messages().findByDeal(source.id())) {
            moved.add(m.with(b -> {
                b.dealId = target.id();
                b.linkSource = LinkSource.PERSON;
                b.linkConfidence = 1;
                b.needsReview = false;
            }));
        }
        store.messages().saveAll(moved);
        store.deals().delete(source.id());
        if (target.value() == 0 && source.value() > 0)
            store.deals().save(new Deal(target.id(), target.title(), target.pipelineId(), target.stageId(), target.companyId(),
                    target.personContactId(), target.ownerId(), source.value(), source.currency(), target.createdAt(),
                    target.stageChangedAt(), target.stageSetByPerson()));
        return get(scope, target.id());
    }

    // --- views and validation

    private DealView view(Deal d, Map<String, Pipeline> pipelines, Map<String, String> companies, Map<String, String> users) {
        var pipeline = pipelines.computeIfAbsent(d.pipelineId(), p -> store.pipelines().find(p).orElse(null));
        var stage = pipeline == null ? null : pipeline.stage(d.stageId()).orElse(null);
        var stageView = stage == null ? new StageView(d.stageId(), d.stageId(), "open")
                : new StageView(stage.id(), stage.name(), stage.kind().name().toLowerCase(Locale.ROOT));
        var activity = pipeline == null ? new DealStatus.Activity(false, false, false, null, null) : status.of(d, pipeline, clock.instant());
        var ownerName = d.ownerId() == null ? null
                : users.computeIfAbsent(d.ownerId(), u -> store.users().find(u).map(User::name).orElse(u));
        int pending = (int) store.deals().changes(d.id()).stream().filter(c -> c.status() == StageChange.Status.PENDING).count();
        return new DealView(d.id(), d.title(), d.pipelineId(), stageView, d.companyId(), d.companyId() == null ? null : companyName(d.companyId(), companies),
                d.personContactId(), d.ownerId(), ownerName, d.value(), d.currency(), d.createdAt(), d.stageChangedAt(), d.stageSetByPerson(),
                activity.needsReply(), activity.awaitingReply(), activity.inactive(), activity.daysSinceActivity(), activity.lastActivity(), pending);
    }

    private String companyName(String companyId, Map<String, String> cache) {
        if (companyId == null) return "";
        return cache.computeIfAbsent(companyId, c -> store.companies().find(c).map(co -> co.name()).orElse(""));
    }

    private static DealView.StageChangeView changeView(StageChange c, Pipeline pipeline) {
        var name = pipeline == null ? c.toStage() : pipeline.stage(c.toStage()).map(s -> s.name()).orElse(c.toStage());
        var e = c.evidence();
        return new DealView.StageChangeView(c.id(), c.fromStage(), c.toStage(), name, c.at(), c.mode().name().toLowerCase(Locale.ROOT),
                c.status().name().toLowerCase(Locale.ROOT), c.byUserId(),
                e == null ? null : new DealView.EvidenceView(e.messageId(), e.rule(), e.quote(), e.confidence()));
    }

    /** The contacts of the deal's messages the viewer can read, the most involved first, plus its person account. */
    private List<DealView.PersonView> people(Scope scope, Deal deal) {
        var counts = new LinkedHashMap<String, Integer>();
        if (deal.personContactId() != null) counts.put(deal.personContactId(), 0);
        for (var m : store.messages().findByDeal(deal.id())) {
            if (!scope.message(m)) continue;
            for (var c : m.contactIds()) counts.merge(c, 1, Integer::sum);
        }
        var people = new ArrayList<DealView.PersonView>();
        counts.forEach((id, n) -> store.contacts().find(id).ifPresent(c ->
                people.add(new DealView.PersonView(c.id(), c.name(), c.title(), c.primaryEmail(), c.companyId(), n))));
        people.sort(Comparator.comparing(DealView.PersonView::messages).reversed().thenComparing(DealView.PersonView::name));
        return people;
    }

    private Pipeline pipeline(String id) {
        return store.pipelines().find(id).orElseThrow(() -> ApiException.badRequest("no pipeline '" + id + "'"));
    }

    private static String requireStage(Pipeline pipeline, String stageId) {
        if (pipeline.stage(stageId).isEmpty())
            throw ApiException.badRequest("pipeline '" + pipeline.id() + "' has no stage '" + stageId + "'; its stages are "
                    + pipeline.stages().stream().map(s -> s.id()).toList());
        return stageId;
    }

    /** Reps own their own deals; managers and admins may give a deal to anyone. */
    private String owner(Scope scope, String ownerId) {
        var me = scope.user();
        if (me.role() == Role.REP && !me.id().equals(ownerId)) throw ApiException.forbidden("a rep can only own deals themselves");
        return store.users().find(ownerId).map(User::id).orElseThrow(() -> ApiException.badRequest("no user '" + ownerId + "' to own the deal"));
    }

    private static double value(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) throw ApiException.badRequest("value must be a number ≥ 0");
        return v;
    }

    private static String currency(String c) {
        if (c == null) return null;
        var code = c.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) throw ApiException.badRequest("currency must be a three-letter ISO 4217 code such as EUR, got '" + c + "'");
        return code;
    }
}
