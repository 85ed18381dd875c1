package io.dealwire.api.app;

import io.dealwire.api.config.Config;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.inference.RuleBasedStageInference;
import io.dealwire.core.intake.CrmSettings;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.store.Store;

import java.time.Clock;

/** Builds the one intake the service uses, with the same collaborators the labeled-case replay uses. */
final class Intakes {
    private Intakes() {
    }

    static MessageIntake create(Config config, Store store, Clock clock) {
        var own = OwnDomains.of(config.ownDomains(), store.mailboxes().list().stream().map(Mailbox::username).toList());
        return new MessageIntake(store, CrmSettings.of(own), new RuleBasedStageInference(store, clock), clock, IdGenerator.random());
    }
}
