package org.clw.ledger.command.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.clw.ledger.command.directory.ServiceDirectory;
import org.clw.ledger.command.directory.ServiceEntry;
import org.clw.ledger.command.domain.InvalidCommand;
import org.clw.ledger.command.domain.NotFound;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.command.registry.FakeRegistry;
import org.clw.ledger.command.registry.Registry.Standing;
import org.clw.ledger.events.appointment.AppointmentAttended;
import org.clw.ledger.events.appointment.AppointmentBooked;
import org.clw.ledger.events.appointment.AppointmentCancelled;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.AppointmentMissed;
import org.clw.ledger.events.appointment.AppointmentMode;
import org.clw.ledger.events.appointment.AppointmentRescheduled;
import org.clw.ledger.events.appointment.Attendance;
import org.clw.ledger.events.appointment.AttendanceCorrected;
import org.clw.ledger.events.appointment.CancellationParty;
import org.clw.ledger.events.appointment.CancellationReason;
import org.clw.ledger.events.appointment.CorrectionReason;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.SealedText;
import org.clw.ledger.events.referral.CaseClosed;
import org.clw.ledger.events.referral.CaseReopened;
import org.clw.ledger.events.referral.ClosureReason;
import org.clw.ledger.events.referral.CompletionMode;
import org.clw.ledger.events.referral.DeclineReason;
import org.clw.ledger.events.referral.LinksWorkerAllocated;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.OnwardReferralMade;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OnwardReferralOutcomeRecorded;
import org.clw.ledger.events.referral.OutcomeInstrument;
import org.clw.ledger.events.referral.OutcomeCorrectionReason;
import org.clw.ledger.events.referral.OutcomeMeasureRecorded;
import org.clw.ledger.events.referral.OutcomeTimepoint;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralDeclined;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.referral.ReopenReason;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReferralTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Instant EARLIER = Instant.parse("2026-03-01T09:00:00Z");
    static final ReferralId CASE = new ReferralId("ref-1");
    static final ParticipantId PERSON = new ParticipantId("P000001");
    static final SettingId PRACTICE = new SettingId("gp-46110");
    static final LinksWorkerId WORKER = new LinksWorkerId("lw-1");
    static final LinksWorkerId OTHER_WORKER = new LinksWorkerId("lw-2");
    static final AppointmentId PAST = new AppointmentId("appt-past");
    static final AppointmentId FUTURE = new AppointmentId("appt-future");
    static final OnwardReferralId ONWARD = new OnwardReferralId("onw-1");
    /** Free text as the API layer seals it; the aggregate only carries it. */
    static final SealedText ORGANISATION = SealedText.sealed("c2VhbGVkIG9yZ2FuaXNhdGlvbg==");
    static final SealedText MOVED_SUMMARY = SealedText.sealed("c2VhbGVkIHN1bW1hcnk=");
    static final OnwardReferralMade ONWARD_MADE = OnwardReferralMade.outsideDirectory(CASE, ONWARD, ORGANISATION, Need.DEBT,
            OnwardReferralKind.REFERRAL, EARLIER);

    static final ReferralReceived RECEIVED = new ReferralReceived(CASE, PERSON, PRACTICE,
            Set.of(Need.HOUSING, Need.DEBT), Need.DEBT, ReferralRoute.GP, true, EARLIER);
    static final ReferralAccepted ACCEPTED = new ReferralAccepted(CASE, EARLIER);
    static final LinksWorkerAllocated ALLOCATED = new LinksWorkerAllocated(CASE, WORKER, null, false, EARLIER);
    static final AppointmentBooked PAST_BOOKED = new AppointmentBooked(CASE, PAST,
            Instant.parse("2026-03-05T10:00:00Z"), 60, AppointmentMode.IN_PERSON, EARLIER);
    static final AppointmentBooked FUTURE_BOOKED = new AppointmentBooked(CASE, FUTURE,
            Instant.parse("2026-03-20T10:00:00Z"), 30, AppointmentMode.PHONE, EARLIER);

    AggregateTestFixture<Referral> fixture;
    FakeRegistry registry;
    FakeDirectory directory;

    static final ServiceId DEBT_ADVICE = new ServiceId("svc-debt-advice");
    static final OrganisationId ADVICE_PROJECT = new OrganisationId("org-advice-project");

    static ServiceOffer offer(Set<Hscp> areas, Set<OnwardReferralKind> modes) {
        return new ServiceOffer("Debt advice", "Help with debts", Set.of(Need.DEBT, Need.FINANCES_BENEFITS), areas,
                areas.isEmpty(), modes);
    }

    /** The directory as the case sees it: one practice in Glasgow, and whatever services a test puts in. */
    static final class FakeDirectory implements ServiceDirectory {

        final Map<ServiceId, ServiceEntry> services = new HashMap<>();

        FakeDirectory with(ServiceId id, ServiceOffer offer, boolean open) {
            services.put(id, new ServiceEntry(ADVICE_PROJECT, offer, open));
            return this;
        }

        @Override
        public Optional<ServiceEntry> service(ServiceId serviceId) {
            return Optional.ofNullable(services.get(serviceId));
        }

        @Override
        public Optional<Hscp> areaOf(SettingId settingId) {
            return settingId.equals(PRACTICE) ? Optional.of(Hscp.GLASGOW_CITY) : Optional.empty();
        }
    }

    @BeforeEach
    void setUp() {
        registry = new FakeRegistry()
                .setting(PRACTICE, Standing.ACTIVE)
                .participant(PERSON, Standing.ACTIVE)
                .worker(WORKER, true, Set.of(PRACTICE), 10, 3)
                .worker(OTHER_WORKER, true, Set.of(PRACTICE), 10, 3);
        fixture = new AggregateTestFixture<>(Referral.class);
        directory = new FakeDirectory();
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static CreateReferral create() {
        return new CreateReferral(CASE, PERSON, PRACTICE, Set.of(Need.HOUSING, Need.DEBT), Need.DEBT,
                ReferralRoute.GP, true, EARLIER);
    }

    @Nested
    class Receiving {

        @Test
        void a_referral_with_consent_for_a_known_person_at_an_active_setting_is_received() {
            fixture.givenNoPriorActivity()
                    .when(create())
                    .expectEvents(RECEIVED)
                    .expectResultMessagePayload(0L);
        }

        @Test
        void the_received_time_defaults_to_now() {
            fixture.givenNoPriorActivity()
                    .when(new CreateReferral(CASE, PERSON, PRACTICE, Set.of(Need.DEBT), Need.DEBT,
                            ReferralRoute.SELF, true, null))
                    .expectEvents(new ReferralReceived(CASE, PERSON, PRACTICE, Set.of(Need.DEBT), Need.DEBT,
                            ReferralRoute.SELF, true, NOW));
        }

        @Test
        void repeating_an_identical_creation_changes_nothing() {
            fixture.given(RECEIVED).when(create()).expectNoEvents().expectSuccessfulHandlerExecution();
        }

        @Test
        void creating_a_different_referral_under_an_existing_id_is_a_conflict() {
            fixture.given(RECEIVED)
                    .when(new CreateReferral(CASE, PERSON, PRACTICE, Set.of(Need.LEGAL), Need.LEGAL,
                            ReferralRoute.GP, true, EARLIER))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Referral ref-1 already exists with different content");
        }

        @Test
        void a_referral_without_consent_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateReferral(CASE, PERSON, PRACTICE, Set.of(Need.DEBT), Need.DEBT,
                            ReferralRoute.GP, false, EARLIER))
                    .expectException(InvalidCommand.class)
                    .expectExceptionMessage("a referral needs the person's recorded consent");
        }

        @Test
        void a_referral_without_needs_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateReferral(CASE, PERSON, PRACTICE, Set.of(), Need.DEBT, ReferralRoute.GP, true,
                            EARLIER))
                    .expectException(InvalidCommand.class);
        }

        @Test
        void a_primary_need_that_is_not_among_the_needs_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateReferral(CASE, PERSON, PRACTICE, Set.of(Need.DEBT), Need.HOUSING,
                            ReferralRoute.GP, true, EARLIER))
                    .expectException(InvalidCommand.class)
                    .expectExceptionMessage("the primary need must be one of the needs");
        }

        @Test
        void a_referral_dated_in_the_future_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateReferral(CASE, PERSON, PRACTICE, Set.of(Need.DEBT), Need.DEBT,
                            ReferralRoute.GP, true, NOW.plusSeconds(60)))
                    .expectException(InvalidCommand.class)
                    .expectExceptionMessage("a referral cannot be received in the future");
        }

        @Test
        void a_referral_to_an_unknown_setting_is_refused() {
            registry.setting(PRACTICE, Standing.UNKNOWN);
            fixture.givenNoPriorActivity().when(create())
                    .expectException(RuleViolation.class).expectExceptionMessage("Setting gp-46110 is not known");
        }

        @Test
        void a_referral_to_a_closed_setting_is_refused() {
            registry.setting(PRACTICE, Standing.RETIRED);
            fixture.givenNoPriorActivity().when(create())
                    .expectException(RuleViolation.class).expectExceptionMessage("Setting gp-46110 is closed");
        }

        @Test
        void a_referral_for_an_unknown_person_is_refused() {
            registry.participant(PERSON, Standing.UNKNOWN);
            fixture.givenNoPriorActivity().when(create())
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Participant P000001 is not known");
        }

        @Test
        void a_referral_for_an_erased_person_is_refused() {
            registry.participant(PERSON, Standing.RETIRED);
            fixture.givenNoPriorActivity().when(create())
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Participant P000001 has been erased");
        }
    }

    @Nested
    class AcceptingAndDeclining {

        @Test
        void a_received_referral_is_accepted() {
            fixture.given(RECEIVED).when(new AcceptReferral(CASE))
                    .expectEvents(new ReferralAccepted(CASE, NOW)).expectResultMessagePayload(1L);
        }

        @Test
        void a_received_referral_is_declined_with_a_reason() {
            fixture.given(RECEIVED).when(new DeclineReferral(CASE, DeclineReason.OUT_OF_AREA))
                    .expectEvents(new ReferralDeclined(CASE, DeclineReason.OUT_OF_AREA, NOW));
        }

        @Test
        void an_accepted_referral_cannot_be_accepted_again() {
            fixture.given(RECEIVED, ACCEPTED).when(new AcceptReferral(CASE))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Referral ref-1 is ACCEPTED; only a RECEIVED referral can be accepted");
        }

        @Test
        void an_accepted_referral_cannot_be_declined() {
            fixture.given(RECEIVED, ACCEPTED).when(new DeclineReferral(CASE, DeclineReason.DUPLICATE))
                    .expectException(RuleViolation.class);
        }

        @Test
        void a_declined_referral_cannot_be_accepted() {
            fixture.given(RECEIVED, new ReferralDeclined(CASE, DeclineReason.DUPLICATE, EARLIER))
                    .when(new AcceptReferral(CASE))
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class Allocating {

        @Test
        void an_accepted_case_is_allocated_to_an_active_worker_covering_its_setting() {
            fixture.given(RECEIVED, ACCEPTED).when(new AllocateLinksWorker(CASE, WORKER, false))
                    .expectEvents(new LinksWorkerAllocated(CASE, WORKER, null, false, NOW));
        }

        @Test
        void reallocation_records_the_previous_worker() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED).when(new AllocateLinksWorker(CASE, OTHER_WORKER, false))
                    .expectEvents(new LinksWorkerAllocated(CASE, OTHER_WORKER, WORKER, false, NOW));
        }

        @Test
        void a_worker_at_capacity_is_refused_without_an_override() {
            registry.worker(WORKER, true, Set.of(PRACTICE), 10, 10);
            fixture.given(RECEIVED, ACCEPTED).when(new AllocateLinksWorker(CASE, WORKER, false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Links worker lw-1 is at capacity (10 of 10 cases); "
                            + "allocate with a capacity override to go above it");
        }

        @Test
        void allocation_above_capacity_with_an_override_is_recorded_in_the_event() {
            registry.worker(WORKER, true, Set.of(PRACTICE), 10, 12);
            fixture.given(RECEIVED, ACCEPTED).when(new AllocateLinksWorker(CASE, WORKER, true))
                    .expectEvents(new LinksWorkerAllocated(CASE, WORKER, null, true, NOW));
        }

        @Test
        void an_override_that_was_not_needed_is_not_recorded_as_one() {
            fixture.given(RECEIVED, ACCEPTED).when(new AllocateLinksWorker(CASE, WORKER, true))
                    .expectEvents(new LinksWorkerAllocated(CASE, WORKER, null, false, NOW));
        }

        @Test
        void a_worker_who_does_not_cover_the_setting_is_refused() {
            registry.worker(WORKER, true, Set.of(new SettingId("fb-1")), 10, 0);
            fixture.given(RECEIVED, ACCEPTED).when(new AllocateLinksWorker(CASE, WORKER, false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Links worker lw-1 does not cover setting gp-46110");
        }

        @Test
        void a_deactivated_worker_is_refused() {
            registry.worker(WORKER, false, Set.of(PRACTICE), 10, 0);
            fixture.given(RECEIVED, ACCEPTED).when(new AllocateLinksWorker(CASE, WORKER, false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Links worker lw-1 has been deactivated");
        }

        @Test
        void an_unknown_worker_is_refused() {
            fixture.given(RECEIVED, ACCEPTED)
                    .when(new AllocateLinksWorker(CASE, new LinksWorkerId("lw-404"), false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Links worker lw-404 is not known");
        }

        @Test
        void a_received_referral_cannot_be_allocated_before_it_is_accepted() {
            fixture.given(RECEIVED).when(new AllocateLinksWorker(CASE, WORKER, false))
                    .expectException(RuleViolation.class);
        }

        @Test
        void a_closed_case_cannot_be_allocated() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, closed()).when(new AllocateLinksWorker(CASE, OTHER_WORKER,
                    false)).expectException(RuleViolation.class);
        }

        @Test
        void allocating_to_the_worker_who_has_the_case_is_refused() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED).when(new AllocateLinksWorker(CASE, WORKER, false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Referral ref-1 is already allocated to lw-1");
        }
    }

    @Nested
    class Appointments {

        @Test
        void an_allocated_case_books_an_appointment() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(new BookAppointment(CASE, FUTURE, FUTURE_BOOKED.start(), 30, AppointmentMode.PHONE))
                    .expectEvents(new AppointmentBooked(CASE, FUTURE, FUTURE_BOOKED.start(), 30,
                            AppointmentMode.PHONE, NOW))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void an_appointment_cannot_start_before_the_referral_was_received() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(new BookAppointment(CASE, PAST, EARLIER.minusSeconds(3_600), 30, AppointmentMode.PHONE))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("An appointment cannot start before the referral was received ("
                            + EARLIER + ")")
                    .expectNoEvents();
        }

        @Test
        void an_appointment_may_start_at_the_moment_of_receipt() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(new BookAppointment(CASE, PAST, EARLIER, 30, AppointmentMode.PHONE))
                    .expectEvents(new AppointmentBooked(CASE, PAST, EARLIER, 30, AppointmentMode.PHONE, NOW));
        }

        @Test
        void an_appointment_cannot_be_moved_to_before_the_referral_was_received() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, FUTURE_BOOKED)
                    .when(new RescheduleAppointment(CASE, FUTURE, EARLIER.minusSeconds(86_400), null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("An appointment cannot start before the referral was received ("
                            + EARLIER + ")")
                    .expectNoEvents();
        }

        @Test
        void booking_before_allocation_is_refused() {
            fixture.given(RECEIVED, ACCEPTED)
                    .when(new BookAppointment(CASE, FUTURE, FUTURE_BOOKED.start(), 30, AppointmentMode.PHONE))
                    .expectException(RuleViolation.class);
        }

        @Test
        void an_appointment_overlapping_a_booked_one_is_refused() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, FUTURE_BOOKED)
                    .when(new BookAppointment(CASE, new AppointmentId("appt-3"),
                            FUTURE_BOOKED.start().plusSeconds(20 * 60), 30, AppointmentMode.VIDEO))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The appointment would overlap booked appointment appt-future");
        }

        @Test
        void an_appointment_starting_as_another_ends_does_not_overlap() {
            Instant rightAfter = FUTURE_BOOKED.start().plusSeconds(30 * 60);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, FUTURE_BOOKED)
                    .when(new BookAppointment(CASE, new AppointmentId("appt-3"), rightAfter, 30,
                            AppointmentMode.VIDEO))
                    .expectEvents(new AppointmentBooked(CASE, new AppointmentId("appt-3"), rightAfter, 30,
                            AppointmentMode.VIDEO, NOW));
        }

        @Test
        void a_cancelled_appointment_no_longer_blocks_its_slot() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, FUTURE_BOOKED, new AppointmentCancelled(CASE, FUTURE,
                            CancellationParty.PARTICIPANT, CancellationReason.PARTICIPANT_UNWELL, EARLIER))
                    .when(new BookAppointment(CASE, new AppointmentId("appt-3"), FUTURE_BOOKED.start(), 30,
                            AppointmentMode.PHONE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void repeating_an_identical_booking_changes_nothing() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, FUTURE_BOOKED)
                    .when(new BookAppointment(CASE, FUTURE, FUTURE_BOOKED.start(), 30, AppointmentMode.PHONE))
                    .expectNoEvents();
        }

        @Test
        void an_appointment_of_implausible_length_is_refused() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(new BookAppointment(CASE, FUTURE, FUTURE_BOOKED.start(), 600, AppointmentMode.PHONE))
                    .expectException(InvalidCommand.class);
        }

        @Test
        void a_booked_appointment_is_rescheduled_keeping_its_duration() {
            Instant later = FUTURE_BOOKED.start().plusSeconds(86_400);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, FUTURE_BOOKED)
                    .when(new RescheduleAppointment(CASE, FUTURE, later, null))
                    .expectEvents(new AppointmentRescheduled(CASE, FUTURE, FUTURE_BOOKED.start(), later, 30, NOW));
        }

        @Test
        void rescheduling_onto_another_booked_appointment_is_refused() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, PAST_BOOKED, FUTURE_BOOKED)
                    .when(new RescheduleAppointment(CASE, FUTURE, PAST_BOOKED.start(), null))
                    .expectException(RuleViolation.class);
        }

        @Test
        void rescheduling_an_unknown_appointment_is_not_found() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(new RescheduleAppointment(CASE, FUTURE, NOW, null))
                    .expectException(NotFound.class)
                    .expectExceptionMessage("Referral ref-1 has no appointment appt-future");
        }

        @Test
        void a_booked_appointment_is_cancelled_with_who_and_why() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, FUTURE_BOOKED)
                    .when(new CancelAppointment(CASE, FUTURE, CancellationParty.LINKS_WORKER,
                            CancellationReason.WORKER_UNAVAILABLE))
                    .expectEvents(new AppointmentCancelled(CASE, FUTURE, CancellationParty.LINKS_WORKER,
                            CancellationReason.WORKER_UNAVAILABLE, NOW));
        }

        @Test
        void a_cancelled_appointment_cannot_be_cancelled_again() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, FUTURE_BOOKED, new AppointmentCancelled(CASE, FUTURE,
                            CancellationParty.PARTICIPANT, CancellationReason.OTHER, EARLIER))
                    .when(new CancelAppointment(CASE, FUTURE, CancellationParty.PARTICIPANT,
                            CancellationReason.OTHER))
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class RecordingAttendance {

        @Test
        void attendance_at_a_past_appointment_is_recorded_at_its_start() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, PAST_BOOKED)
                    .when(new RecordAttendance(CASE, PAST, Attendance.ATTENDED, null))
                    .expectEvents(new AppointmentAttended(CASE, PAST, PAST_BOOKED.start()));
        }

        @Test
        void a_missed_appointment_is_recorded_as_a_dna() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, PAST_BOOKED)
                    .when(new RecordAttendance(CASE, PAST, Attendance.MISSED, null))
                    .expectEvents(new AppointmentMissed(CASE, PAST, PAST_BOOKED.start()));
        }

        @Test
        void attendance_cannot_be_recorded_before_the_appointment_starts() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, FUTURE_BOOKED)
                    .when(new RecordAttendance(CASE, FUTURE, Attendance.ATTENDED, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Appointment appt-future has not started yet");
        }

        @Test
        void recording_a_different_attendance_again_is_a_correction_never_an_edit() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, PAST_BOOKED,
                            new AppointmentMissed(CASE, PAST, PAST_BOOKED.start()))
                    .when(new RecordAttendance(CASE, PAST, Attendance.ATTENDED, CorrectionReason.RECORDED_IN_ERROR))
                    .expectEvents(new AttendanceCorrected(CASE, PAST, Attendance.MISSED, Attendance.ATTENDED,
                            CorrectionReason.RECORDED_IN_ERROR, NOW));
        }

        @Test
        void a_correction_without_a_reason_is_refused() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, PAST_BOOKED,
                            new AppointmentMissed(CASE, PAST, PAST_BOOKED.start()))
                    .when(new RecordAttendance(CASE, PAST, Attendance.ATTENDED, null))
                    .expectException(InvalidCommand.class);
        }

        @Test
        void recording_the_same_attendance_again_changes_nothing() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, PAST_BOOKED,
                            new AppointmentAttended(CASE, PAST, PAST_BOOKED.start()))
                    .when(new RecordAttendance(CASE, PAST, Attendance.ATTENDED, null))
                    .expectNoEvents();
        }

        @Test
        void attendance_at_a_cancelled_appointment_is_refused() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, PAST_BOOKED, new AppointmentCancelled(CASE, PAST,
                            CancellationParty.PARTICIPANT, CancellationReason.OTHER, EARLIER))
                    .when(new RecordAttendance(CASE, PAST, Attendance.ATTENDED, null))
                    .expectException(RuleViolation.class);
        }

        @Test
        void a_first_attended_appointment_makes_the_case_active_so_it_can_be_closed() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, PAST_BOOKED,
                            new AppointmentAttended(CASE, PAST, PAST_BOOKED.start()))
                    .when(new CloseCase(CASE, ClosureReason.GOALS_MET, null))
                    .expectEvents(new CaseClosed(CASE, ClosureReason.GOALS_MET, null, NOW));
        }
    }

    @Nested
    class OnwardReferralsToTheDirectory {

        static final Set<OnwardReferralKind> REFER = Set.of(OnwardReferralKind.REFERRAL);

        @Test
        void an_open_service_serving_the_cases_area_need_and_link_mode_takes_the_referral() {
            directory.with(DEBT_ADVICE, offer(Set.of(Hscp.GLASGOW_CITY), REFER), true);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(RecordOnwardReferral.toService(CASE, ONWARD, DEBT_ADVICE, Need.DEBT,
                            OnwardReferralKind.REFERRAL))
                    .expectEvents(OnwardReferralMade.toDirectoryService(CASE, ONWARD, DEBT_ADVICE, ADVICE_PROJECT,
                            Need.DEBT, OnwardReferralKind.REFERRAL, NOW));
        }

        @Test
        void a_programme_wide_service_serves_every_area() {
            directory.with(DEBT_ADVICE, offer(Set.of(), REFER), true);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(RecordOnwardReferral.toService(CASE, ONWARD, DEBT_ADVICE, Need.FINANCES_BENEFITS,
                            OnwardReferralKind.REFERRAL))
                    .expectEvents(OnwardReferralMade.toDirectoryService(CASE, ONWARD, DEBT_ADVICE, ADVICE_PROJECT,
                            Need.FINANCES_BENEFITS, OnwardReferralKind.REFERRAL, NOW));
        }

        @Test
        void an_unknown_service_is_refused_as_invalid() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(RecordOnwardReferral.toService(CASE, ONWARD, DEBT_ADVICE, Need.DEBT,
                            OnwardReferralKind.REFERRAL))
                    .expectException(InvalidCommand.class)
                    .expectNoEvents();
        }

        @Test
        void a_withdrawn_service_takes_no_referral() {
            directory.with(DEBT_ADVICE, offer(Set.of(Hscp.GLASGOW_CITY), REFER), false);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(RecordOnwardReferral.toService(CASE, ONWARD, DEBT_ADVICE, Need.DEBT,
                            OnwardReferralKind.REFERRAL))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("withdrawn"))
                    .expectNoEvents();
        }

        @Test
        void a_service_of_another_area_is_refused() {
            directory.with(DEBT_ADVICE, offer(Set.of(Hscp.WEST_DUNBARTONSHIRE), REFER), true);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(RecordOnwardReferral.toService(CASE, ONWARD, DEBT_ADVICE, Need.DEBT,
                            OnwardReferralKind.REFERRAL))
                    .expectException(InvalidCommand.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("area"))
                    .expectNoEvents();
        }

        @Test
        void a_link_mode_the_service_does_not_offer_is_refused() {
            directory.with(DEBT_ADVICE, offer(Set.of(Hscp.GLASGOW_CITY), REFER), true);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(RecordOnwardReferral.toService(CASE, ONWARD, DEBT_ADVICE, Need.DEBT,
                            OnwardReferralKind.ACCOMPANIED))
                    .expectException(InvalidCommand.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("takes people only as"))
                    .expectNoEvents();
        }

        @Test
        void a_need_the_service_does_not_list_is_refused() {
            directory.with(DEBT_ADVICE, offer(Set.of(Hscp.GLASGOW_CITY), REFER), true);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(RecordOnwardReferral.toService(CASE, ONWARD, DEBT_ADVICE, Need.HOUSING,
                            OnwardReferralKind.REFERRAL))
                    .expectException(InvalidCommand.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("does not list this need"))
                    .expectNoEvents();
        }

        @Test
        void naming_both_a_service_and_free_text_is_refused() {
            directory.with(DEBT_ADVICE, offer(Set.of(Hscp.GLASGOW_CITY), REFER), true);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(new RecordOnwardReferral(CASE, ONWARD, DEBT_ADVICE, ORGANISATION, Need.DEBT,
                            OnwardReferralKind.REFERRAL))
                    .expectException(InvalidCommand.class)
                    .expectNoEvents();
        }

        @Test
        void the_same_referral_again_is_harmless_even_after_the_service_was_withdrawn() {
            directory.with(DEBT_ADVICE, offer(Set.of(Hscp.GLASGOW_CITY), REFER), false);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, OnwardReferralMade.toDirectoryService(CASE, ONWARD,
                            DEBT_ADVICE, ADVICE_PROJECT, Need.DEBT, OnwardReferralKind.REFERRAL, EARLIER))
                    .when(RecordOnwardReferral.toService(CASE, ONWARD, DEBT_ADVICE, Need.DEBT,
                            OnwardReferralKind.REFERRAL))
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void a_service_under_the_id_of_a_referral_outside_the_directory_is_a_conflict() {
            directory.with(DEBT_ADVICE, offer(Set.of(Hscp.GLASGOW_CITY), REFER), true);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, ONWARD_MADE)
                    .when(RecordOnwardReferral.toService(CASE, ONWARD, DEBT_ADVICE, Need.DEBT,
                            OnwardReferralKind.REFERRAL))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void another_service_under_the_same_onward_referral_id_is_a_conflict() {
            directory.with(new ServiceId("svc-other"), offer(Set.of(Hscp.GLASGOW_CITY), REFER), true);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, OnwardReferralMade.toDirectoryService(CASE, ONWARD,
                            DEBT_ADVICE, ADVICE_PROJECT, Need.DEBT, OnwardReferralKind.REFERRAL, EARLIER))
                    .when(RecordOnwardReferral.toService(CASE, ONWARD, new ServiceId("svc-other"), Need.DEBT,
                            OnwardReferralKind.REFERRAL))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class OnwardReferralsAndOutcomes {

        @Test
        void an_open_case_records_an_onward_referral() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(RecordOnwardReferral.outsideDirectory(CASE, ONWARD, ORGANISATION, Need.DEBT,
                            OnwardReferralKind.ACCOMPANIED))
                    .expectEvents(OnwardReferralMade.outsideDirectory(CASE, ONWARD, ORGANISATION, Need.DEBT,
                            OnwardReferralKind.ACCOMPANIED, NOW));
        }

        @Test
        void a_declined_referral_records_no_onward_referral() {
            fixture.given(RECEIVED, new ReferralDeclined(CASE, DeclineReason.OUT_OF_AREA, EARLIER))
                    .when(RecordOnwardReferral.outsideDirectory(CASE, ONWARD, ORGANISATION, Need.DEBT,
                            OnwardReferralKind.SIGNPOST))
                    .expectException(RuleViolation.class);
        }

        @Test
        void the_uptake_of_a_known_onward_referral_is_recorded() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, OnwardReferralMade.outsideDirectory(CASE, ONWARD, ORGANISATION,
                            Need.DEBT, OnwardReferralKind.REFERRAL, EARLIER))
                    .when(new RecordOnwardReferralOutcome(CASE, ONWARD, OnwardReferralOutcome.TAKEN_UP, null))
                    .expectEvents(new OnwardReferralOutcomeRecorded(CASE, ONWARD, OnwardReferralOutcome.TAKEN_UP,
                            NOW));
        }

        @Test
        void an_open_case_updates_an_outcome_without_calling_it_a_correction() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, ONWARD_MADE, new OnwardReferralOutcomeRecorded(CASE, ONWARD,
                            OnwardReferralOutcome.NOT_TAKEN_UP, EARLIER))
                    .when(new RecordOnwardReferralOutcome(CASE, ONWARD, OnwardReferralOutcome.TAKEN_UP, null))
                    .expectEvents(new OnwardReferralOutcomeRecorded(CASE, ONWARD, OnwardReferralOutcome.TAKEN_UP,
                            NOW));
        }

        @Test
        void a_first_outcome_is_recorded_after_closure_without_a_reason() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, ONWARD_MADE, closed())
                    .when(new RecordOnwardReferralOutcome(CASE, ONWARD, OnwardReferralOutcome.TAKEN_UP, null))
                    .expectEvents(new OnwardReferralOutcomeRecorded(CASE, ONWARD, OnwardReferralOutcome.TAKEN_UP,
                            NOW));
        }

        @Test
        void changing_an_outcome_after_closure_without_a_reason_is_refused() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, ONWARD_MADE, new OnwardReferralOutcomeRecorded(CASE, ONWARD,
                            OnwardReferralOutcome.TAKEN_UP, EARLIER), closed())
                    .when(new RecordOnwardReferralOutcome(CASE, ONWARD, OnwardReferralOutcome.NOT_TAKEN_UP, null))
                    .expectException(InvalidCommand.class)
                    .expectExceptionMessage("the case is closed and the outcome was recorded as TAKEN_UP; "
                            + "changing it is a correction and needs a reason")
                    .expectNoEvents();
        }

        @Test
        void changing_an_outcome_after_closure_is_recorded_as_a_correction_with_its_reason() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, ONWARD_MADE, new OnwardReferralOutcomeRecorded(CASE, ONWARD,
                            OnwardReferralOutcome.TAKEN_UP, EARLIER), closed())
                    .when(new RecordOnwardReferralOutcome(CASE, ONWARD, OnwardReferralOutcome.NOT_TAKEN_UP,
                            OutcomeCorrectionReason.RECORDED_IN_ERROR))
                    .expectEvents(new OnwardReferralOutcomeRecorded(CASE, ONWARD,
                            OnwardReferralOutcome.NOT_TAKEN_UP, OutcomeCorrectionReason.RECORDED_IN_ERROR, NOW));
        }

        @Test
        void recording_the_same_outcome_after_closure_changes_nothing() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, ONWARD_MADE, new OnwardReferralOutcomeRecorded(CASE, ONWARD,
                            OnwardReferralOutcome.TAKEN_UP, EARLIER), closed())
                    .when(new RecordOnwardReferralOutcome(CASE, ONWARD, OnwardReferralOutcome.TAKEN_UP, null))
                    .expectNoEvents();
        }

        @Test
        void the_outcome_of_an_unknown_onward_referral_is_not_found() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(new RecordOnwardReferralOutcome(CASE, ONWARD, OnwardReferralOutcome.TAKEN_UP, null))
                    .expectException(NotFound.class);
        }

        @Test
        void a_complete_outcome_measure_is_recorded_item_by_item() {
            List<Integer> answers = List.of(3, 4, 2, 3, 3, 4, 2);
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(new RecordOutcomeMeasure(CASE, OutcomeInstrument.SWEMWBS, OutcomeTimepoint.BASELINE,
                            answers, CompletionMode.SELF))
                    .expectEvents(new OutcomeMeasureRecorded(CASE, OutcomeInstrument.SWEMWBS,
                            OutcomeTimepoint.BASELINE, answers, CompletionMode.SELF, NOW));
        }

        @Test
        void an_outcome_measure_with_the_wrong_number_of_items_is_refused() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(new RecordOutcomeMeasure(CASE, OutcomeInstrument.WEMWBS, OutcomeTimepoint.BASELINE,
                            List.of(3, 4, 2), CompletionMode.SELF))
                    .expectException(InvalidCommand.class)
                    .expectExceptionMessage("WEMWBS needs exactly 14 answers");
        }

        @Test
        void an_outcome_measure_with_an_answer_out_of_range_is_refused() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED)
                    .when(new RecordOutcomeMeasure(CASE, OutcomeInstrument.ONS4, OutcomeTimepoint.REVIEW,
                            List.of(5, 11, 3, 2), CompletionMode.ASSISTED))
                    .expectException(InvalidCommand.class)
                    .expectExceptionMessage("ONS4 answers must each be between 0 and 10");
        }
    }

    @Nested
    class ClosingAndReopening {

        @Test
        void closing_a_case_cancels_future_appointments() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, PAST_BOOKED, FUTURE_BOOKED)
                    .when(new CloseCase(CASE, ClosureReason.MOVED_AWAY, MOVED_SUMMARY))
                    .expectEvents(
                            new AppointmentCancelled(CASE, FUTURE, CancellationParty.SERVICE,
                                    CancellationReason.CASE_CLOSED, NOW),
                            new CaseClosed(CASE, ClosureReason.MOVED_AWAY, MOVED_SUMMARY, NOW))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void a_received_referral_cannot_be_closed() {
            fixture.given(RECEIVED).when(new CloseCase(CASE, ClosureReason.OTHER, null))
                    .expectException(RuleViolation.class);
        }

        @Test
        void a_closed_case_cannot_be_closed_again() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, closed()).when(new CloseCase(CASE, ClosureReason.OTHER,
                    null)).expectException(RuleViolation.class);
        }

        @Test
        void a_closed_case_is_reopened_and_takes_bookings_again() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, closed(), new CaseReopened(CASE, ReopenReason.NEW_NEED,
                            EARLIER))
                    .when(new BookAppointment(CASE, FUTURE, FUTURE_BOOKED.start(), 30, AppointmentMode.PHONE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void reopening_records_the_reason() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, closed())
                    .when(new ReopenCase(CASE, ReopenReason.PARTICIPANT_RETURNED))
                    .expectEvents(new CaseReopened(CASE, ReopenReason.PARTICIPANT_RETURNED, NOW));
        }

        @Test
        void an_open_case_cannot_be_reopened() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED).when(new ReopenCase(CASE, ReopenReason.OTHER))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Referral ref-1 is ALLOCATED; only a CLOSED referral can be reopened");
        }

        @Test
        void a_closed_case_takes_no_bookings() {
            fixture.given(RECEIVED, ACCEPTED, ALLOCATED, closed())
                    .when(new BookAppointment(CASE, FUTURE, FUTURE_BOOKED.start(), 30, AppointmentMode.PHONE))
                    .expectException(RuleViolation.class);
        }
    }

    private static CaseClosed closed() {
        return new CaseClosed(CASE, ClosureReason.GOALS_MET, null, EARLIER);
    }
}
