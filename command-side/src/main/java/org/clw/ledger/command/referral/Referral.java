package org.clw.ledger.command.referral;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.clw.ledger.command.directory.ServiceDirectory;
import org.clw.ledger.command.directory.ServiceEntry;
import org.clw.ledger.command.domain.Creation;
import org.clw.ledger.command.dispatch.ExpectedVersionTargetResolver;
import org.clw.ledger.command.domain.InvalidCommand;
import org.clw.ledger.command.domain.NotFound;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.command.registry.Registry;
import org.clw.ledger.command.registry.WorkerStanding;
import org.clw.ledger.events.appointment.AppointmentAttended;
import org.clw.ledger.events.appointment.AppointmentBooked;
import org.clw.ledger.events.appointment.AppointmentCancelled;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.AppointmentMissed;
import org.clw.ledger.events.appointment.AppointmentRescheduled;
import org.clw.ledger.events.appointment.Attendance;
import org.clw.ledger.events.appointment.AttendanceCorrected;
import org.clw.ledger.events.appointment.CancellationParty;
import org.clw.ledger.events.appointment.CancellationReason;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.referral.CaseClosed;
import org.clw.ledger.events.referral.CaseReopened;
import org.clw.ledger.events.referral.LinksWorkerAllocated;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.OnwardReferralMade;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OnwardReferralOutcomeRecorded;
import org.clw.ledger.events.referral.OutcomeMeasureRecorded;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralDeclined;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;

/**
 * The case: a referral from receipt to closure, with its appointments, onward referrals and outcome measures.
 * Lifecycle: RECEIVED, then ACCEPTED or DECLINED; ACCEPTED, ALLOCATED (a worker assigned), ACTIVE (an attended
 * appointment), CLOSED; a closed case can be reopened. Command handlers return the aggregate's version. Snapshots
 * (JSON, every 100 events) read its fields directly.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = ExpectedVersionTargetResolver.NAME,
        snapshotTriggerDefinition = "caseSnapshots")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Referral {

    private static final Set<Status> OPEN = EnumSet.of(Status.ACCEPTED, Status.ALLOCATED, Status.ACTIVE);

    @AggregateIdentifier
    private ReferralId referralId;
    private ReferralReceived receipt;
    private Status status;
    private LinksWorkerId worker;
    private final Map<AppointmentId, Appointment> appointments = new LinkedHashMap<>();
    private final Map<OnwardReferralId, OnwardReferral> onwardReferrals = new LinkedHashMap<>();

    Referral() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(CreateReferral command, Registry registry, Clock clock) {
        Instant receivedAt = command.receivedAt() != null ? command.receivedAt() : clock.instant();
        if (receipt != null) {
            Instant comparedAt = command.receivedAt() != null ? command.receivedAt() : receipt.occurredAt();
            Creation.requireSameAsExisting(receiptAt(command, comparedAt).equals(receipt), "Referral", referralId);
            return getVersion();
        }
        if (command.needs() == null || command.needs().isEmpty()) {
            throw new InvalidCommand("needs", "at least one need from the taxonomy is required");
        }
        if (command.primaryNeed() == null || !command.needs().contains(command.primaryNeed())) {
            throw new InvalidCommand("primaryNeed", "the primary need must be one of the needs");
        }
        if (!command.consentRecorded()) {
            throw new InvalidCommand("consentRecorded", "a referral needs the person's recorded consent");
        }
        if (receivedAt.isAfter(clock.instant())) {
            throw new InvalidCommand("receivedAt", "a referral cannot be received in the future");
        }
        switch (registry.setting(command.settingId())) {
            case UNKNOWN -> throw new RuleViolation("Setting " + command.settingId() + " is not known");
            case RETIRED -> throw new RuleViolation("Setting " + command.settingId() + " is closed");
            case ACTIVE -> {
            }
        }
        switch (registry.participant(command.participantId())) {
            case UNKNOWN -> throw new RuleViolation("Participant " + command.participantId() + " is not known");
            case RETIRED -> throw new RuleViolation("Participant " + command.participantId() + " has been erased");
            case ACTIVE -> {
            }
        }
        apply(receiptAt(command, receivedAt));
        return getVersion();
    }

    @CommandHandler
    long handle(AcceptReferral command, Clock clock) {
        requireStatus(Status.RECEIVED, "accepted");
        apply(new ReferralAccepted(referralId, clock.instant()));
        return getVersion();
    }

    @CommandHandler
    long handle(DeclineReferral command, Clock clock) {
        requireStatus(Status.RECEIVED, "declined");
        apply(new ReferralDeclined(referralId, command.reason(), clock.instant()));
        return getVersion();
    }

    @CommandHandler
    long handle(AllocateLinksWorker command, Registry registry, Clock clock) {
        requireOpen("allocated");
        if (command.workerId().equals(worker)) {
            throw new RuleViolation("Referral " + referralId + " is already allocated to " + worker);
        }
        WorkerStanding standing = registry.worker(command.workerId())
                .orElseThrow(() -> new RuleViolation("Links worker " + command.workerId() + " is not known"));
        if (!standing.active()) {
            throw new RuleViolation("Links worker " + command.workerId() + " has been deactivated");
        }
        if (!standing.covers(receipt.settingId())) {
            throw new RuleViolation("Links worker " + command.workerId() + " does not cover setting "
                    + receipt.settingId());
        }
        if (standing.atCapacity() && !command.overrideCapacity()) {
            throw new RuleViolation("Links worker " + command.workerId() + " is at capacity (" + standing.openCases()
                    + " of " + standing.capacity() + " cases); allocate with a capacity override to go above it");
        }
        apply(new LinksWorkerAllocated(referralId, command.workerId(), worker, standing.atCapacity(),
                clock.instant()));
        return getVersion();
    }

    @CommandHandler
    long handle(BookAppointment command, Clock clock) {
        if (status != Status.ALLOCATED && status != Status.ACTIVE) {
            throw new RuleViolation("Referral " + referralId + " is " + status
                    + "; appointments are booked once a links worker is allocated and while the case is open");
        }
        requireSensibleDuration(command.durationMinutes());
        Appointment existing = appointments.get(command.appointmentId());
        if (existing != null) {
            Creation.requireSameAsExisting(existing.booking().equals(bookingAt(command, existing.booking()
                    .occurredAt())), "Appointment", command.appointmentId());
            return getVersion();
        }
        requireNotBeforeReceipt(command.start());
        requireNoOverlap(command.appointmentId(), command.start(), command.durationMinutes());
        apply(bookingAt(command, clock.instant()));
        return getVersion();
    }

    @CommandHandler
    long handle(RescheduleAppointment command, Clock clock) {
        requireOpen("rescheduled");
        Appointment appointment = bookedAppointment(command.appointmentId());
        int duration = command.durationMinutes() != null ? command.durationMinutes() : appointment.durationMinutes();
        requireSensibleDuration(duration);
        requireNotBeforeReceipt(command.start());
        requireNoOverlap(command.appointmentId(), command.start(), duration);
        apply(new AppointmentRescheduled(referralId, command.appointmentId(), appointment.start(), command.start(),
                duration, clock.instant()));
        return getVersion();
    }

    @CommandHandler
    long handle(CancelAppointment command, Clock clock) {
        bookedAppointment(command.appointmentId());
        apply(new AppointmentCancelled(referralId, command.appointmentId(), command.cancelledBy(), command.reason(),
                clock.instant()));
        return getVersion();
    }

    @CommandHandler
    long handle(RecordAttendance command, Clock clock) {
        Appointment appointment = appointment(command.appointmentId());
        switch (appointment.state()) {
            case CANCELLED -> throw new RuleViolation("Appointment " + command.appointmentId() + " was cancelled");
            case BOOKED -> {
                if (appointment.start().isAfter(clock.instant())) {
                    throw new RuleViolation("Appointment " + command.appointmentId() + " has not started yet");
                }
                apply(command.attendance() == Attendance.ATTENDED
                        ? new AppointmentAttended(referralId, command.appointmentId(), appointment.start())
                        : new AppointmentMissed(referralId, command.appointmentId(), appointment.start()));
            }
            case ATTENDED, MISSED -> {
                Attendance recorded = appointment.state() == AppointmentState.ATTENDED
                        ? Attendance.ATTENDED : Attendance.MISSED;
                if (recorded != command.attendance()) {
                    if (command.correctionReason() == null) {
                        throw new InvalidCommand("correctionReason",
                                "attendance was already recorded as " + recorded + "; a correction needs a reason");
                    }
                    apply(new AttendanceCorrected(referralId, command.appointmentId(), recorded,
                            command.attendance(), command.correctionReason(), clock.instant()));
                }
            }
        }
        return getVersion();
    }

    @CommandHandler
    long handle(RecordOnwardReferral command, ServiceDirectory directory, Clock clock) {
        requireOpen("given onward referrals");
        if ((command.service() == null) == (command.organisation() == null)) {
            throw new InvalidCommand("serviceId", "name either a directory service or, for something not in the"
                    + " directory, the organisation; exactly one of the two");
        }
        OnwardReferral existing = onwardReferrals.get(command.onwardReferralId());
        if (existing != null) {
            // The same referral again is harmless even if the service has changed since: it was checked when made.
            OnwardReferralMade made = existing.made();
            Creation.requireSameAsExisting(Objects.equals(made.service(), command.service())
                    && Objects.equals(made.organisation(), command.organisation()) && made.need() == command.need()
                    && made.kind() == command.kind(), "Onward referral", command.onwardReferralId());
            return getVersion();
        }
        OrganisationId serviceOrganisation = command.service() == null ? null
                : requireServes(directory, command.service(), command.need(), command.kind()).organisationId();
        apply(onwardReferralAt(command, serviceOrganisation, clock.instant()));
        return getVersion();
    }

    /**
     * A directory service takes the referral when it is open, serves the case's area (or the whole programme), offers
     * the link mode asked and lists the need: the directory then says truthfully where people go for what.
     */
    private ServiceEntry requireServes(ServiceDirectory directory, ServiceId serviceId, Need need,
            OnwardReferralKind kind) {
        ServiceEntry service = directory.service(serviceId).orElseThrow(() -> new InvalidCommand("serviceId",
                "no service of the community directory has this id"));
        if (!service.open()) {
            throw new RuleViolation("Service " + serviceId + " has been withdrawn from the directory; choose another"
                    + " serviceId");
        }
        ServiceOffer offer = service.offer();
        if (!offer.programmeWide() && directory.areaOf(receipt.settingId())
                .filter(offer.areas()::contains).isEmpty()) {
            throw new InvalidCommand("serviceId", "the service does not serve the area (HSCP) of the case's setting");
        }
        if (!offer.linkModes().contains(kind)) {
            throw new InvalidCommand("kind", "the service takes people only as " + offer.linkModes());
        }
        if (!offer.needs().contains(need)) {
            throw new InvalidCommand("need", "the service does not list this need; it serves " + offer.needs());
        }
        return service;
    }

    @CommandHandler
    long handle(RecordOnwardReferralOutcome command, Clock clock) {
        OnwardReferral onwardReferral = onwardReferrals.get(command.onwardReferralId());
        if (onwardReferral == null) {
            throw new NotFound("Referral " + referralId + " has no onward referral " + command.onwardReferralId());
        }
        if (onwardReferral.outcome() == command.outcome()) {
            return getVersion();
        }
        // The first outcome often arrives after closure and is no correction; changing one is. Once the case is
        // closed its record is final, so a change must say why and is recorded as a correction.
        OnwardReferralOutcome recorded = onwardReferral.outcome();
        if (recorded != null && status == Status.CLOSED && command.correctionReason() == null) {
            throw new InvalidCommand("correctionReason", "the case is closed and the outcome was recorded as "
                    + recorded + "; changing it is a correction and needs a reason");
        }
        apply(new OnwardReferralOutcomeRecorded(referralId, command.onwardReferralId(), command.outcome(),
                recorded != null ? command.correctionReason() : null, clock.instant()));
        return getVersion();
    }

    @CommandHandler
    long handle(RecordOutcomeMeasure command, Clock clock) {
        requireOpen("given outcome measures");
        command.instrument().problemWith(command.answers()).ifPresent(problem -> {
            throw new InvalidCommand("answers", problem);
        });
        apply(new OutcomeMeasureRecorded(referralId, command.instrument(), command.timepoint(), command.answers(),
                command.mode(), clock.instant()));
        return getVersion();
    }

    @CommandHandler
    long handle(CloseCase command, Clock clock) {
        requireOpen("closed");
        Instant now = clock.instant();
        appointments.values().stream()
                .filter(appointment -> appointment.state() == AppointmentState.BOOKED)
                .filter(appointment -> appointment.start().isAfter(now))
                .map(appointment -> new AppointmentCancelled(referralId, appointment.booking().appointmentId(),
                        CancellationParty.SERVICE, CancellationReason.CASE_CLOSED, now))
                .toList()
                // Each says CASE_CLOSED in its own payload; the command's name and causation id say which closure.
                .forEach(cancellation -> apply(cancellation));
        apply(new CaseClosed(referralId, command.reason(), command.summary(), now));
        return getVersion();
    }

    @CommandHandler
    long handle(ReopenCase command, Clock clock) {
        requireStatus(Status.CLOSED, "reopened");
        apply(new CaseReopened(referralId, command.reason(), clock.instant()));
        return getVersion();
    }

    private void requireStatus(Status required, String action) {
        if (status != required) {
            throw new RuleViolation("Referral " + referralId + " is " + status + "; only a " + required
                    + " referral can be " + action);
        }
    }

    private void requireOpen(String action) {
        if (!OPEN.contains(status)) {
            throw new RuleViolation("Referral " + referralId + " is " + status + "; only an open case can be "
                    + action);
        }
    }

    private static void requireSensibleDuration(int minutes) {
        if (minutes < 5 || minutes > 480) {
            throw new InvalidCommand("durationMinutes", "an appointment lasts between 5 and 480 minutes");
        }
    }

    /**
     * An appointment is with someone already referred. The appointment's start is the only time a client gives after
     * the receipt, and attendance is recorded at that start, so this also keeps attendance after the receipt; every
     * other event is dated by the clock, never before the receipt it follows.
     */
    private void requireNotBeforeReceipt(Instant start) {
        if (start.isBefore(receipt.occurredAt())) {
            throw new RuleViolation("An appointment cannot start before the referral was received ("
                    + receipt.occurredAt() + ")");
        }
    }

    private void requireNoOverlap(AppointmentId moving, Instant start, int durationMinutes) {
        Instant end = start.plusSeconds(durationMinutes * 60L);
        appointments.values().stream()
                .filter(other -> other.state() == AppointmentState.BOOKED)
                .filter(other -> !other.booking().appointmentId().equals(moving))
                .filter(other -> start.isBefore(other.end()) && other.start().isBefore(end))
                .findFirst()
                .ifPresent(other -> {
                    throw new RuleViolation("The appointment would overlap booked appointment "
                            + other.booking().appointmentId());
                });
    }

    private Appointment appointment(AppointmentId appointmentId) {
        Appointment appointment = appointments.get(appointmentId);
        if (appointment == null) {
            throw new NotFound("Referral " + referralId + " has no appointment " + appointmentId);
        }
        return appointment;
    }

    private Appointment bookedAppointment(AppointmentId appointmentId) {
        Appointment appointment = appointment(appointmentId);
        if (appointment.state() != AppointmentState.BOOKED) {
            throw new RuleViolation("Appointment " + appointmentId + " is " + appointment.state()
                    + "; only a booked appointment can be changed");
        }
        return appointment;
    }

    private static ReferralReceived receiptAt(CreateReferral command, Instant receivedAt) {
        return new ReferralReceived(command.referralId(), command.participantId(), command.settingId(),
                command.needs(), command.primaryNeed(), command.route(), command.consentRecorded(), receivedAt);
    }

    private AppointmentBooked bookingAt(BookAppointment command, Instant bookedAt) {
        return new AppointmentBooked(referralId, command.appointmentId(), command.start(), command.durationMinutes(),
                command.mode(), bookedAt);
    }

    private OnwardReferralMade onwardReferralAt(RecordOnwardReferral command, OrganisationId serviceOrganisation,
            Instant madeAt) {
        return command.service() != null
                ? OnwardReferralMade.toDirectoryService(referralId, command.onwardReferralId(), command.service(),
                        serviceOrganisation, command.need(), command.kind(), madeAt)
                : OnwardReferralMade.outsideDirectory(referralId, command.onwardReferralId(), command.organisation(),
                        command.need(), command.kind(), madeAt);
    }

    @EventSourcingHandler
    void on(ReferralReceived event) {
        referralId = event.referralId();
        receipt = event;
        status = Status.RECEIVED;
    }

    @EventSourcingHandler
    void on(ReferralAccepted event) {
        status = Status.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReferralDeclined event) {
        status = Status.DECLINED;
    }

    @EventSourcingHandler
    void on(LinksWorkerAllocated event) {
        worker = event.workerId();
        if (status == Status.ACCEPTED) {
            status = Status.ALLOCATED;
        }
    }

    @EventSourcingHandler
    void on(AppointmentBooked event) {
        appointments.put(event.appointmentId(), new Appointment(event, event.start(), event.durationMinutes(),
                AppointmentState.BOOKED));
    }

    @EventSourcingHandler
    void on(AppointmentRescheduled event) {
        appointments.computeIfPresent(event.appointmentId(),
                (id, appointment) -> appointment.movedTo(event.start(), event.durationMinutes()));
    }

    @EventSourcingHandler
    void on(AppointmentCancelled event) {
        changeState(event.appointmentId(), AppointmentState.CANCELLED);
    }

    @EventSourcingHandler
    void on(AppointmentAttended event) {
        changeState(event.appointmentId(), AppointmentState.ATTENDED);
    }

    @EventSourcingHandler
    void on(AppointmentMissed event) {
        changeState(event.appointmentId(), AppointmentState.MISSED);
    }

    @EventSourcingHandler
    void on(AttendanceCorrected event) {
        changeState(event.appointmentId(),
                event.to() == Attendance.ATTENDED ? AppointmentState.ATTENDED : AppointmentState.MISSED);
    }

    @EventSourcingHandler
    void on(OnwardReferralMade event) {
        onwardReferrals.put(event.onwardReferralId(), new OnwardReferral(event, null));
    }

    @EventSourcingHandler
    void on(OnwardReferralOutcomeRecorded event) {
        onwardReferrals.computeIfPresent(event.onwardReferralId(),
                (id, onwardReferral) -> new OnwardReferral(onwardReferral.made(), event.outcome()));
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        status = Status.CLOSED;
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        status = worker != null ? Status.ACTIVE : Status.ACCEPTED;
    }

    private void changeState(AppointmentId appointmentId, AppointmentState state) {
        appointments.computeIfPresent(appointmentId, (id, appointment) -> appointment.inState(state));
        // ACTIVE means at least one attended appointment; a correction can take that back.
        if (status == Status.ALLOCATED || status == Status.ACTIVE) {
            boolean anyAttended = appointments.values().stream()
                    .anyMatch(appointment -> appointment.state() == AppointmentState.ATTENDED);
            status = anyAttended ? Status.ACTIVE : Status.ALLOCATED;
        }
    }

    private enum Status {
        RECEIVED, ACCEPTED, DECLINED, ALLOCATED, ACTIVE, CLOSED
    }

    private enum AppointmentState {
        BOOKED, CANCELLED, ATTENDED, MISSED
    }

    private record Appointment(AppointmentBooked booking, Instant start, int durationMinutes, AppointmentState state) {

        Instant end() {
            return start.plusSeconds(durationMinutes * 60L);
        }

        Appointment movedTo(Instant newStart, int newDuration) {
            return new Appointment(booking, newStart, newDuration, state);
        }

        Appointment inState(AppointmentState newState) {
            return new Appointment(booking, start, durationMinutes, newState);
        }
    }

    private record OnwardReferral(OnwardReferralMade made, OnwardReferralOutcome outcome) {
    }
}
