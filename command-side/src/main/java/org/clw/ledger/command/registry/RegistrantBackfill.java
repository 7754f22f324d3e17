package org.clw.ledger.command.registry;

import java.util.Objects;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.events.AuditKey;
import org.clw.ledger.events.participant.ParticipantRegistered;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Earlier releases did not record who registered each person. For a data directory they wrote, the registrants of
 * the people with no allocated case (the only ones a registrant decides for) are taken once, at startup, from their
 * registration's audit metadata, so that whoever registered them keeps them.
 */
@Component
class RegistrantBackfill {

    private final JdbcTemplate jdbc;
    private final EventStore events;

    RegistrantBackfill(JdbcTemplate jdbc, EventStore events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillInMissingRegistrants() {
        jdbc.queryForList("SELECT participant_id FROM registry_participant p WHERE registered_by IS NULL "
                + "AND NOT EXISTS (SELECT 1 FROM registry_referral r JOIN registry_case c "
                + "ON c.referral_id = r.referral_id WHERE r.participant_id = p.participant_id)",
                String.class).forEach(participant -> events.readEvents(participant).asStream()
                .filter(event -> event.getPayload() instanceof ParticipantRegistered)
                .map(event -> event.getMetaData().get(AuditKey.ACTOR_ID.key()))
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(actor -> jdbc.update("UPDATE registry_participant SET registered_by = ? "
                        + "WHERE participant_id = ? AND registered_by IS NULL", actor.toString(), participant)));
    }
}
