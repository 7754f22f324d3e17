package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.clw.ledger.command.linksworker.RegisterLinksWorker;
import org.clw.ledger.command.participant.RegisterParticipant;
import org.clw.ledger.command.referral.AcceptReferral;
import org.clw.ledger.command.referral.AllocateLinksWorker;
import org.clw.ledger.command.referral.BookAppointment;
import org.clw.ledger.command.referral.CloseCase;
import org.clw.ledger.command.referral.CreateReferral;
import org.clw.ledger.command.referral.RecordOnwardReferral;
import org.clw.ledger.command.setting.RegisterSetting;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.AppointmentMode;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.participant.AgeBand;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.Gender;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.SealedDetails;
import org.clw.ledger.events.participant.SealedText;
import org.clw.ledger.events.referral.ClosureReason;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Each case's events form a hash chain written as they are stored. Changing, deleting, reordering or inserting a
 * stored event directly in the database is named by the verification, down to the event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperEvidenceTest {

    static final SettingId PRACTICE = new SettingId("gp-tamper");
    static final LinksWorkerId WORKER = new LinksWorkerId("lw-tamper");
    static final ParticipantId PERSON = new ParticipantId("P900001");

    ConfigurableApplicationContext app;
    CommandGateway commands;
    JdbcTemplate jdbc;
    RestClient auditor;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = TestSystem.start(dataDir);
        commands = app.getBean(CommandGateway.class);
        jdbc = app.getBean(JdbcTemplate.class);
        auditor = TestSystem.demoUser(TestSystem.baseUrl(app), "auditor");
        commands.sendAndWait(new RegisterSetting(PRACTICE, "Practice", SettingType.GP_PRACTICE, Hscp.GLASGOW_CITY,
                null, true));
        commands.sendAndWait(new RegisterLinksWorker(WORKER, "Alex", Set.of(PRACTICE), 50));
        commands.sendAndWait(new RegisterParticipant(PERSON, new SealedDetails("c2VhbGVk", "c2VhbGVk"),
                new Demographics(Gender.FEMALE, AgeBand.AGE_45_54, 1)));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** Seven events: received, accepted, allocated, booked, onward referral, booking cancelled, closed. */
    private String aCase() {
        ReferralId id = new ReferralId("ref-" + UUID.randomUUID().toString().substring(0, 8));
        commands.sendAndWait(new CreateReferral(id, PERSON, PRACTICE, Set.of(Need.DEBT), Need.DEBT, ReferralRoute.GP,
                true, null));
        commands.sendAndWait(new AcceptReferral(id));
        commands.sendAndWait(new AllocateLinksWorker(id, WORKER, false));
        commands.sendAndWait(new BookAppointment(id, new AppointmentId("a1"),
                Instant.now().plus(7, ChronoUnit.DAYS), 30, AppointmentMode.PHONE));
        commands.sendAndWait(RecordOnwardReferral.outsideDirectory(id, new OnwardReferralId("o1"), SealedText.sealed("c2VhbGVk"),
                Need.DEBT, OnwardReferralKind.REFERRAL));
        commands.sendAndWait(new CloseCase(id, ClosureReason.REFERRED_ON, null));
        return id.value();
    }

    @Test
    void an_untouched_history_verifies_as_intact_and_shows_its_chain() {
        String id = aCase();
        JsonNode verification = verify(id);
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("events").asInt()).isEqualTo(7);
        JsonNode history = auditor.get().uri("/api/cases/{id}/history", id).retrieve().body(JsonNode.class);
        assertThat(history.get(1).at("/metadata/previousHash").asText())
                .isEqualTo(history.get(0).at("/metadata/hash").asText());
        assertThat(history.get(0).at("/metadata/actorId").asText()).isEqualTo("system");
    }

    @Test
    void an_altered_payload_is_named() {
        String id = aCase();
        rewrite(id, 4, "payload", "\"REFERRAL\"", "\"SIGNPOST\"");
        expectBroken(id, 4, "ALTERED");
    }

    @Test
    void altered_metadata_is_named() {
        String id = aCase();
        rewrite(id, 2, "metaData", "\"SYSTEM\"", "\"ADMIN\"");
        expectBroken(id, 2, "ALTERED");
    }

    @Test
    void a_deleted_event_is_named() {
        String id = aCase();
        jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 3", id);
        expectBroken(id, 3, "REMOVED");
    }

    @Test
    void swapped_events_are_named() {
        String id = aCase();
        jdbc.update("UPDATE DomainEventEntry SET sequenceNumber = -1 WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 2", id);
        jdbc.update("UPDATE DomainEventEntry SET sequenceNumber = 2 WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 3", id);
        jdbc.update("UPDATE DomainEventEntry SET sequenceNumber = 3 WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = -1", id);
        expectBroken(id, 2, "REORDERED");
    }

    @Test
    void an_inserted_event_is_named() {
        String id = aCase();
        for (int sequence = 6; sequence >= 2; sequence--) {
            jdbc.update("UPDATE DomainEventEntry SET sequenceNumber = ? WHERE aggregateIdentifier = ? "
                    + "AND sequenceNumber = ?", sequence + 1, id, sequence);
        }
        jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                + "metaData, payload, payloadRevision, payloadType, timeStamp) SELECT aggregateIdentifier, 2, type, "
                + "?, metaData, payload, payloadRevision, payloadType, timeStamp FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND sequenceNumber = 1", UUID.randomUUID().toString(), id);
        expectBroken(id, 2, "INSERTED");
    }

    private void expectBroken(String id, long sequence, String finding) {
        JsonNode verification = verify(id);
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenSequence").asLong()).isEqualTo(sequence);
        assertThat(verification.get("finding").asText()).isEqualTo(finding);
    }

    private JsonNode verify(String id) {
        return auditor.get().uri("/api/cases/{id}/history/verification", id).retrieve().body(JsonNode.class);
    }

    /** Edits one stored event's column behind the application's back, as someone with database access could. */
    private void rewrite(String id, int sequence, String column, String from, String to) {
        byte[] stored = jdbc.queryForObject("SELECT " + column + " FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND sequenceNumber = ?", byte[].class, id, sequence);
        String altered = new String(stored, StandardCharsets.UTF_8).replace(from, to);
        jdbc.update("UPDATE DomainEventEntry SET " + column + " = ? WHERE aggregateIdentifier = ?"
                + " AND sequenceNumber = ?", altered.getBytes(StandardCharsets.UTF_8), id, sequence);
    }
}
