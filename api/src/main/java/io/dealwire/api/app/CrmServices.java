package io.dealwire.api.app;

import io.dealwire.api.config.Config;
import io.dealwire.core.correction.Corrections;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.inference.RuleBasedStageInference;
import io.dealwire.core.intake.CrmSettings;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.store.Store;

import java.time.Clock;

/**
 * The core's judgement as the service runs it: one intake (the same collaborators the labeled-case replay
 * uses) and the corrections people make, sharing settings and stage inference.
 *
 * Own domains are the configured ones plus the domains of the connected mailboxes; the one set is shared,
 * so a mailbox connected later adds its domain for intake and corrections alike.
 */
record CrmServices(CrmSettings settings, MessageIntake intake, Corrections corrections) {

    static CrmServices create(Config config, Store store, Clock clock) {
        var own = OwnDomains.of(config.ownDomains(), store.mailboxes().list().stream().map(Mailbox::username).toList());
        var settings = CrmSettings.of(own);
        var ids = IdGenerator.random();
        return new CrmServices(settings,
                MessageIntake.withStageRules(store, settings, clock, ids),
                new Corrections(store, settings, new RuleBasedStageInference(store, clock), clock, ids));
    }
}
