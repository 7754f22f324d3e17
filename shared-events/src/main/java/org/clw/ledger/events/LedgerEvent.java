package org.clw.ledger.events;

import java.time.Instant;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.directory.OrganisationEvent;
import org.clw.ledger.events.directory.ProposalEvent;
import org.clw.ledger.events.directory.ServiceEvent;
import org.clw.ledger.events.linksworker.LinksWorkerEvent;
import org.clw.ledger.events.participant.ParticipantEvent;
import org.clw.ledger.events.setting.SettingEvent;

/**
 * Every event says when the thing it records happened, besides the time the store recorded it. The families are
 * sealed, so that whatever switches over them learns of a new event at compile time or in its test.
 */
public sealed interface LedgerEvent permits SettingEvent, LinksWorkerEvent, ParticipantEvent, CaseEvent,
        OrganisationEvent, ServiceEvent, ProposalEvent {

    Instant occurredAt();
}
