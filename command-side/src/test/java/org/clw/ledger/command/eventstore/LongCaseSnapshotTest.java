package org.clw.ledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.command.linksworker.RegisterLinksWorker;
import org.clw.ledger.command.participant.RegisterParticipant;
import org.clw.ledger.command.referral.AcceptReferral;
import org.clw.ledger.command.referral.AllocateLinksWorker;
import org.clw.ledger.command.referral.BookAppointment;
import org.clw.ledger.command.referral.CloseCase;
import org.clw.ledger.command.referral.CreateReferral;
import org.clw.ledger.command.referral.RecordAttendance;
import org.clw.ledger.command.referral.RecordOnwardReferral;
import org.clw.ledger.command.setting.RegisterSetting;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.AppointmentMode;
import org.clw.ledger.events.appointment.Attendance;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A long case is snapshotted every 100 events, and loads from its latest snapshot (not its whole history) when it is
 * not in memory.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:snapshots;DB_CLOSE_DELAY=-1")
class LongCaseSnapshotTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    @Qualifier("aggregateCache")
    Cache aggregateCache;

    @Test
    void a_case_past_a_hundred_events_is_snapshotted_and_carries_on_from_its_snapshot() {
        ReferralId id = allocatedCase("long");
        attendAppointments(id, 60);
        Long snapshots = jdbc.queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class, id.value());
        assertThat(snapshots).isEqualTo(1);
        // Axon falls back to the whole history when a snapshot cannot be read; this one must be readable.
        var snapshot = storage.readSnapshot(id.value()).orElseThrow();
        assertThat(snapshot.getPayload().getClass().getSimpleName()).isEqualTo("Referral");
        assertThat(snapshot.getSequenceNumber()).isEqualTo(99);

        aggregateCache.removeAll();
        Long version = commands.sendAndWait(new CloseCase(id, ClosureReason.GOALS_MET, null));

        assertThat(version).isEqualTo(123L);
        assertThat(eventStore.readEvents(id.value(), 0).asStream().count()).isEqualTo(124);
    }

    /** Not a timed test: it prints how long a command on a 1,000-event case takes from memory and from storage. */
    @Test
    void a_case_of_a_thousand_events_loads_from_its_latest_snapshot() {
        ReferralId id = allocatedCase("thousand");
        attendAppointments(id, 499);

        var snapshot = storage.readSnapshot(id.value()).orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isGreaterThanOrEqualTo(899);
        long[] warm = new long[20];
        for (int i = 0; i < warm.length; i++) {
            long start = System.nanoTime();
            commands.sendAndWait(RecordOnwardReferral.outsideDirectory(id, new OnwardReferralId("w" + i),
                    SealedText.sealed("c2VhbGVk"),
                    Need.DEBT, OnwardReferralKind.SIGNPOST));
            warm[i] = System.nanoTime() - start;
        }
        aggregateCache.removeAll();
        long start = System.nanoTime();
        Long version = commands.sendAndWait(new CloseCase(id, ClosureReason.GOALS_MET, null));
        long cold = System.nanoTime() - start;

        assertThat(version).isGreaterThanOrEqualTo(1000L);
        java.util.Arrays.sort(warm);
        System.out.printf("Long case: %d events; a command from the cache p50 %.1f ms, max %.1f ms; from storage "
                + "(snapshot at %d, cache emptied) %.1f ms%n", version + 1, warm[warm.length / 2] / 1e6,
                warm[warm.length - 1] / 1e6, snapshot.getSequenceNumber(), cold / 1e6);
    }

    private ReferralId allocatedCase(String name) {
        SettingId setting = new SettingId("gp-" + name);
        LinksWorkerId worker = new LinksWorkerId("lw-" + name);
        ParticipantId person = new ParticipantId(name.equals("long") ? "P800001" : "P800002");
        ReferralId id = new ReferralId("ref-" + name);
        commands.sendAndWait(new RegisterSetting(setting, "Practice", SettingType.GP_PRACTICE, Hscp.GLASGOW_CITY,
                null, true));
        commands.sendAndWait(new RegisterLinksWorker(worker, "Alex", Set.of(setting), 50));
        commands.sendAndWait(new RegisterParticipant(person, new SealedDetails("bG9uZw==", "bG9uZw=="),
                new Demographics(Gender.FEMALE, AgeBand.AGE_35_44, 1)));
        // Received before the earliest appointment below: none may start before the receipt.
        commands.sendAndWait(new CreateReferral(id, person, setting, Set.of(Need.DEBT), Need.DEBT, ReferralRoute.GP,
                true, Instant.now().minus(90, ChronoUnit.DAYS)));
        commands.sendAndWait(new AcceptReferral(id));
        commands.sendAndWait(new AllocateLinksWorker(id, worker, false));
        return id;
    }

    /** Two events each: booked, then attended, an hour apart, all in the past. */
    private void attendAppointments(ReferralId id, int count) {
        Instant first = Instant.now().minus(count + 10L, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < count; i++) {
            AppointmentId appointment = new AppointmentId("a" + i);
            commands.sendAndWait(new BookAppointment(id, appointment, first.plus(i, ChronoUnit.HOURS), 30,
                    AppointmentMode.PHONE));
            commands.sendAndWait(new RecordAttendance(id, appointment, Attendance.ATTENDED, null));
        }
    }
}
