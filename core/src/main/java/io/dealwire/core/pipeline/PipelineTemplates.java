package io.dealwire.core.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The pipelines a new install can start from: the default pipeline of the domain brief and one template per
 * sales model. Stage ids are shared where the meaning is shared ({@code contacted}, {@code qualified},
 * {@code proposal}, {@code won}, {@code lost}, {@code fridge}) so that stage inference finds its milestones in
 * every template; see {@code io.dealwire.core.inference.Milestone}.
 */
public final class PipelineTemplates {
    public static final String DEFAULT_ID = "default";
    /** Days without email after which an open deal of a template is inactive. */
    public static final int OPEN_INACTIVITY_DAYS = 14;
    /** Stages after a win (onboarding, retention) go quiet more slowly: a month without contact is a churn risk. */
    public static final int ACCOUNT_INACTIVITY_DAYS = 30;

    private PipelineTemplates() {
    }

    /** The pipeline a new install gets: prospect, contacted, qualified, proposal, won, lost, fridge. */
    public static Pipeline defaultPipeline() {
        return new Pipeline(DEFAULT_ID, "Sales pipeline", SalesModel.DEFAULT, List.of(
                open("prospect", "Prospect", 0.05),
                open("contacted", "Contacted", 0.1),
                open("qualified", "Qualified", 0.3),
                open("proposal", "Proposal made", 0.6),
                won("won", "Won"),
                lost(),
                fridge()), InferenceMode.AUTO);
    }

    /** Leads come by themselves: the first stage is qualifying an inquiry. */
    public static Pipeline inbound() {
        return new Pipeline("inbound", "Inbound sales", SalesModel.INBOUND, List.of(
                open("inquiry", "New inquiry", 0.1),
                open("qualified", "Qualified", 0.3),
                open("demo", "Demo given", 0.4),
                open("proposal", "Proposal made", 0.6),
                open("negotiation", "Negotiation", 0.8),
                won("won", "Won"),
                lost(),
                fridge()), InferenceMode.AUTO);
    }

    /** Reps find their prospects and make the first contact (cold mail, calls). */
    public static Pipeline outbound() {
        return new Pipeline("outbound", "Outbound sales", SalesModel.OUTBOUND, List.of(
                open("prospect", "Prospect identified", 0.02),
                open("contacted", "Contact made", 0.05),
                open("qualified", "Qualified", 0.25),
                open("meeting", "Meeting held", 0.4),
                open("proposal", "Proposal made", 0.6),
                open("negotiation", "Negotiation", 0.8),
                won("won", "Won"),
                lost(),
                fridge()), InferenceMode.AUTO);
    }

    /** One target account, many stakeholders: identify, map the stakeholders, set a strategy, then engage them. */
    public static Pipeline accountBased() {
        return new Pipeline("account-based", "Account-based sales", SalesModel.ACCOUNT_BASED, List.of(
                open("target-account", "Target account identified", 0.02),
                open("stakeholders", "Stakeholder list built", 0.04),
                open("strategy", "Initial strategy set", 0.05),
                open("contacted", "Stakeholders contacted", 0.1),
                open("qualified", "Qualified", 0.3),
                open("proposal", "Proposal made", 0.6),
                won("won", "Won"),
                lost(),
                fridge()), InferenceMode.AUTO);
    }

    /** Revenue comes from existing customers: the process continues after the sale (onboarding, retention, upsell). */
    public static Pipeline relationship() {
        return new Pipeline("relationship", "Relationship sales", SalesModel.RELATIONSHIP, List.of(
                open("contacted", "In touch", 0.1),
                open("qualified", "Need confirmed", 0.3),
                open("proposal", "Proposal made", 0.6),
                won("won", "Won"),
                new Stage("onboarding", "Onboarding", StageKind.WON, 1, OPEN_INACTIVITY_DAYS, false),
                new Stage("retention", "Retention and follow-up", StageKind.WON, 1, ACCOUNT_INACTIVITY_DAYS, false),
                new Stage("upsell", "Upsell", StageKind.WON, 1, OPEN_INACTIVITY_DAYS, false),
                lost(),
                fridge()), InferenceMode.AUTO);
    }

    /**
     * The buyer's journey, centred on the customer: every step has tangible evidence (they name the cost of the
     * problem, the budget holder says yes, an RFP is issued, they stop taking meetings once they chose).
     */
    public static Pipeline buyerJourney() {
        return new Pipeline("buyer-journey", "Buyer journey", SalesModel.BUYER_JOURNEY, List.of(
                open("pre-funnel", "Pre-funnel", 0.02),
                open("recognises-problem", "Recognises the problem", 0.05),
                open("business-impact", "Defines the business impact", 0.1),
                open("commits-to-invest", "Commits to invest", 0.25),
                open("decision-criteria", "Defines decision criteria (RFP)", 0.35),
                open("evaluates-alternatives", "Evaluates alternatives", 0.5),
                open("chooses-vendor", "Chooses a vendor", 0.8),
                open("closing", "Closing", 0.9),
                won("won", "Won"),
                lost(),
                fridge()), InferenceMode.AUTO);
    }

    /** Every template, the default first. */
    public static List<Pipeline> all() {
        return List.of(defaultPipeline(), inbound(), outbound(), accountBased(), relationship(), buyerJourney());
    }

    /** The same pipeline with every inactivity threshold counted in business days (Monday to Friday). */
    public static Pipeline inBusinessDays(Pipeline pipeline) {
        var stages = new ArrayList<Stage>(pipeline.stages().size());
        for (var s : pipeline.stages())
            stages.add(new Stage(s.id(), s.name(), s.kind(), s.probability(), s.inactivityDays(), true));
        return new Pipeline(pipeline.id(), pipeline.name(), pipeline.model(), stages, pipeline.inferenceMode());
    }

    private static Stage open(String id, String name, double probability) {
        return new Stage(id, name, StageKind.OPEN, probability, OPEN_INACTIVITY_DAYS, false);
    }

    private static Stage won(String id, String name) {
        return new Stage(id, name, StageKind.WON, 1, 0, false);
    }

    private static Stage lost() {
        return new Stage("lost", "Lost", StageKind.LOST, 0, 0, false);
    }

    private static Stage fridge() {
        return new Stage("fridge", "Fridge (not now)", StageKind.PARKED, 0.05, 0, false);
    }
}
