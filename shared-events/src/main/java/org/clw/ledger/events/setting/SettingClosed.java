package org.clw.ledger.events.setting;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A setting left the programme; it takes no new referrals. */
@Revision("1")
public record SettingClosed(
        SettingId settingId,
        Instant occurredAt)
        implements SettingEvent {
}
