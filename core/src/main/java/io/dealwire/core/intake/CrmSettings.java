package io.dealwire.core.intake;

import io.dealwire.core.company.FreeMailDomains;
import io.dealwire.core.party.OwnDomains;

import java.time.Duration;
import java.util.Objects;

/**
 * What intake needs to know about the installation.
 *
 * @param ownDomains      our company's domains (configured plus those of the connected mailboxes)
 * @param freeMail        free-mail providers, whose users are person accounts
 * @param reviewThreshold links chosen among several deals with a lower confidence are flagged for review
 * @param threadWindow    how far apart two messages without threading headers may be and still share a
 *                        conversation by subject and participants
 */
public record CrmSettings(OwnDomains ownDomains, FreeMailDomains freeMail, double reviewThreshold, Duration threadWindow) {
    public static final double DEFAULT_REVIEW_THRESHOLD = 0.5;
    public static final Duration DEFAULT_THREAD_WINDOW = Duration.ofDays(60);

    public CrmSettings {
        Objects.requireNonNull(ownDomains, "ownDomains");
        freeMail = freeMail == null ? FreeMailDomains.bundled() : freeMail;
        if (reviewThreshold < 0 || reviewThreshold > 1) throw new IllegalArgumentException("reviewThreshold must be between 0 and 1");
        threadWindow = threadWindow == null ? DEFAULT_THREAD_WINDOW : threadWindow;
    }

    public static CrmSettings of(OwnDomains ownDomains) {
        return new CrmSettings(ownDomains, FreeMailDomains.bundled(), DEFAULT_REVIEW_THRESHOLD, DEFAULT_THREAD_WINDOW);
    }
}
