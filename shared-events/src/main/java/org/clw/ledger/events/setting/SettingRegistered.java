package org.clw.ledger.events.setting;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A setting joined the programme. */
@Revision("1")
public record SettingRegistered(
        SettingId settingId,
        String name,
        SettingType type,
        Hscp hscp,
        String practiceCode,
        boolean deepEnd,
        Instant occurredAt)
        implements SettingEvent {
}
