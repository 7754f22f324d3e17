package org.clw.ledger.command.registry;

import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.setting.SettingId;

/** Where a case belongs: its setting, and its links worker once one is allocated (null before). */
public record CaseScope(SettingId settingId, LinksWorkerId workerId) {
}
