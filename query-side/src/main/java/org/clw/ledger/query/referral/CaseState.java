package org.clw.ledger.query.referral;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.appointment.AppointmentAttended;
import org.clw.ledger.events.appointment.AppointmentBooked;
import org.clw.ledger.events.appointment.AppointmentCancelled;
import org.clw.ledger.events.appointment.AppointmentMissed;
import org.clw.ledger.events.appointment.AppointmentRescheduled;
import org.clw.ledger.events.appointment.Attendance;
import org.clw.ledger.events.appointment.AttendanceCorrected;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.referral.CaseClosed;
import org.clw.ledger.events.referral.CaseReopened;
import org.clw.ledger.events.referral.ClosureReason;
import org.clw.ledger.events.referral.DeclineReason;
import org.clw.ledger.events.referral.LinksWorkerAllocated;
import org.clw.ledger.events.referral.OnwardReferralMade;
import org.clw.ledger.events.referral.OnwardReferralOutcomeRecorded;
import org.clw.ledger.events.referral.OutcomeMeasureRecorded;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralDeclined;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.referral.ReferralRoute;

/**
 * A case as it stands after a prefix of its events: a pure fold ({@link #next}) over the case's events, in plain Java.
 * The {@code cases} read model stores it, every read model derived from cases takes its change (before and after
 * one event) from the one fold per pass, and a case as of a past moment or version is the same fold over fewer events.
 * Times are kept to the millisecond, as stored, so that a state folded on request equals the stored one.
 */
public final class CaseState {

    private String referralId;
    /** The case aggregate's sequence number of the last event applied; -1 before any. */
    private long version = -1;
    private String participantId;
    private String settingId;
    private List<Need> needs = new ArrayList<>();
    private Need primaryNeed;
    private ReferralRoute route;
    private CaseStatus status;
    private Instant receivedAt;
    private Instant acceptedAt;
    private Instant declinedAt;
    private DeclineReason declineReason;
    private String workerId;
    private Instant allocatedAt;
    private int allocations;
    private boolean allocatedAboveCapacity;
    private List<AppointmentView> appointments = new ArrayList<>();
    private int appointmentsAttended;
    private int appointmentsMissed;
    private int appointmentsCancelled;
    private Instant firstAttendedAt;
    private int attendanceCorrections;
    private List<OnwardReferralView> onwardReferrals = new ArrayList<>();
    private List<OutcomeMeasureView> outcomeMeasures = new ArrayList<>();
    private List<ClosureView> closures = new ArrayList<>();
    private Instant closedAt;
    private ClosureReason closureReason;
    private int reopenings;
    private List<StatusChange> statusHistory = new ArrayList<>();
    private Instant lastChangedAt;

    /** The state before a case's first event. */
    public static CaseState none() {
        return new CaseState();
    }

    /**
     * The case after its event with aggregate sequence number {@code sequence}; empty when that event was applied
     * before (its sequence is not beyond this state's), so nothing changes. This state is left as it is.
     */
    public Optional<CaseState> next(CaseEvent event, long sequence) {
        if (sequence <= version) {
            return Optional.empty();
        }
        CaseState next = copy();
        next.apply(event, sequence);
        return Optional.of(next);
    }

    private CaseState copy() {
        CaseState copy = new CaseState();
        copy.referralId = referralId;
        copy.version = version;
        copy.participantId = participantId;
        copy.settingId = settingId;
        copy.needs = new ArrayList<>(needs);
        copy.primaryNeed = primaryNeed;
        copy.route = route;
        copy.status = status;
        copy.receivedAt = receivedAt;
        copy.acceptedAt = acceptedAt;
        copy.declinedAt = declinedAt;
        copy.declineReason = declineReason;
        copy.workerId = workerId;
        copy.allocatedAt = allocatedAt;
        copy.allocations = allocations;
        copy.allocatedAboveCapacity = allocatedAboveCapacity;
        copy.appointments = new ArrayList<>(appointments);
        copy.appointmentsAttended = appointmentsAttended;
        copy.appointmentsMissed = appointmentsMissed;
        copy.appointmentsCancelled = appointmentsCancelled;
        copy.firstAttendedAt = firstAttendedAt;
        copy.attendanceCorrections = attendanceCorrections;
        copy.onwardReferrals = new ArrayList<>(onwardReferrals);
        copy.outcomeMeasures = new ArrayList<>(outcomeMeasures);
        copy.closures = new ArrayList<>(closures);
        copy.closedAt = closedAt;
        copy.closureReason = closureReason;
        copy.reopenings = reopenings;
        copy.statusHistory = new ArrayList<>(statusHistory);
        copy.lastChangedAt = lastChangedAt;
        return copy;
    }

    private void apply(CaseEvent event, long sequence) {
        if (event instanceof ReferralReceived received) {
            referralId = received.referralId().value();
            participantId = received.participantId().value();
            settingId = received.settingId().value();
            needs = received.needs().stream().sorted().toList();
            primaryNeed = received.primaryNeed();
            route = received.route();
            receivedAt = ms(received.occurredAt());
            status = CaseStatus.RECEIVED;
        } else if (event instanceof ReferralAccepted accepted) {
            acceptedAt = ms(accepted.occurredAt());
            status = CaseStatus.ACCEPTED;
        } else if (event instanceof ReferralDeclined declined) {
            declinedAt = ms(declined.occurredAt());
            declineReason = declined.reason();
            status = CaseStatus.DECLINED;
        } else if (event instanceof LinksWorkerAllocated allocated) {
            workerId = allocated.workerId().value();
            allocatedAt = ms(allocated.occurredAt());
            allocations++;
            allocatedAboveCapacity = allocated.capacityOverride();
            if (status == CaseStatus.ACCEPTED) {
                status = CaseStatus.ALLOCATED;
            }
        } else if (event instanceof AppointmentBooked booked) {
            appointments.add(new AppointmentView(booked.appointmentId().value(), ms(booked.start()),
                    booked.durationMinutes(), booked.mode(), AppointmentState.BOOKED, ms(booked.occurredAt()), null));
        } else if (event instanceof AppointmentRescheduled moved) {
            replaceAppointment(moved.appointmentId().value(),
                    appointment -> appointment.movedTo(ms(moved.start()), moved.durationMinutes()));
        } else if (event instanceof AppointmentCancelled cancelled) {
            replaceAppointment(cancelled.appointmentId().value(),
                    appointment -> appointment.with(AppointmentState.CANCELLED, ms(cancelled.occurredAt())));
        } else if (event instanceof AppointmentAttended attended) {
            replaceAppointment(attended.appointmentId().value(),
                    appointment -> appointment.with(AppointmentState.ATTENDED, ms(attended.occurredAt())));
        } else if (event instanceof AppointmentMissed missed) {
            replaceAppointment(missed.appointmentId().value(),
                    appointment -> appointment.with(AppointmentState.MISSED, ms(missed.occurredAt())));
        } else if (event instanceof AttendanceCorrected corrected) {
            attendanceCorrections++;
            AppointmentState state = corrected.to() == Attendance.ATTENDED
                    ? AppointmentState.ATTENDED : AppointmentState.MISSED;
            replaceAppointment(corrected.appointmentId().value(),
                    appointment -> appointment.with(state, appointment.changedAt()));
        } else if (event instanceof OnwardReferralMade made) {
            onwardReferrals.add(new OnwardReferralView(made.onwardReferralId().value(),
                    made.organisation() == null ? null : made.organisation().value(),
                    made.need(), made.kind(), ms(made.occurredAt()), null, null,
                    made.service() == null ? null : made.service().value(),
                    made.serviceOrganisation() == null ? null : made.serviceOrganisation().value()));
        } else if (event instanceof OnwardReferralOutcomeRecorded outcome) {
            onwardReferrals.replaceAll(onward -> onward.onwardReferralId().equals(outcome.onwardReferralId().value())
                    ? new OnwardReferralView(onward.onwardReferralId(), onward.organisation(), onward.need(),
                    onward.kind(), onward.madeAt(), outcome.outcome(), ms(outcome.occurredAt()), onward.serviceId(),
                    onward.serviceOrganisationId())
                    : onward);
        } else if (event instanceof OutcomeMeasureRecorded measure) {
            outcomeMeasures.add(new OutcomeMeasureView(measure.instrument(), measure.timepoint(), measure.score(),
                    measure.mode(), ms(measure.occurredAt())));
        } else if (event instanceof CaseClosed closed) {
            closures.add(new ClosureView(ms(closed.occurredAt()), closed.reason(), appointmentsAttended));
            closedAt = ms(closed.occurredAt());
            closureReason = closed.reason();
            status = CaseStatus.CLOSED;
        } else if (event instanceof CaseReopened) {
            reopenings++;
            closedAt = null;
            closureReason = null;
            status = workerId != null ? CaseStatus.ACTIVE : CaseStatus.ACCEPTED;
        } else {
            // CaseEvent is sealed: a new kind fails CaseStateTest until it is folded here.
            throw new IllegalArgumentException("No fold for " + event.getClass().getSimpleName());
        }
        recountAppointments();
        recordStatusChange(ms(event.occurredAt()));
        this.version = sequence;
        this.lastChangedAt = ms(event.occurredAt());
    }

    /** Stored instants keep milliseconds; the fold keeps no more, so that folded and stored states are equal. */
    private static Instant ms(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private void recordStatusChange(Instant at) {
        String holder = status != null && status.isOpen() ? workerId : null;
        StatusChange last = statusHistory.isEmpty() ? null : statusHistory.get(statusHistory.size() - 1);
        if (last == null || last.status() != status || !java.util.Objects.equals(last.holder(), holder)) {
            Instant when = last != null && at.isBefore(last.at()) ? last.at() : at;
            statusHistory.add(new StatusChange(when, status, holder));
        }
    }

    private void replaceAppointment(String appointmentId,
            java.util.function.UnaryOperator<AppointmentView> change) {
        appointments.replaceAll(appointment -> appointment.appointmentId().equals(appointmentId)
                ? change.apply(appointment) : appointment);
    }

    /** Counts and the ACTIVE status follow the appointments, so that a corrected attendance corrects them too. */
    private void recountAppointments() {
        appointmentsAttended = count(AppointmentState.ATTENDED);
        appointmentsMissed = count(AppointmentState.MISSED);
        appointmentsCancelled = count(AppointmentState.CANCELLED);
        firstAttendedAt = appointments.stream()
                .filter(appointment -> appointment.state() == AppointmentState.ATTENDED)
                .map(AppointmentView::start)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (status == CaseStatus.ALLOCATED || status == CaseStatus.ACTIVE) {
            status = appointmentsAttended > 0 ? CaseStatus.ACTIVE : CaseStatus.ALLOCATED;
        }
    }

    private int count(AppointmentState state) {
        return (int) appointments.stream().filter(appointment -> appointment.state() == state).count();
    }

    public boolean exists() {
        return referralId != null;
    }

    public String referralId() {
        return referralId;
    }

    public long version() {
        return version;
    }

    public String participantId() {
        return participantId;
    }

    public String settingId() {
        return settingId;
    }

    public List<Need> needs() {
        return needs;
    }

    public Need primaryNeed() {
        return primaryNeed;
    }

    public ReferralRoute route() {
        return route;
    }

    public CaseStatus status() {
        return status;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant declinedAt() {
        return declinedAt;
    }

    public Instant allocatedAt() {
        return allocatedAt;
    }

    public String workerId() {
        return workerId;
    }

    public List<AppointmentView> appointments() {
        return List.copyOf(appointments);
    }

    public int appointmentsAttended() {
        return appointmentsAttended;
    }

    public int appointmentsMissed() {
        return appointmentsMissed;
    }

    public int appointmentsCancelled() {
        return appointmentsCancelled;
    }

    public int allocations() {
        return allocations;
    }

    public int reopenings() {
        return reopenings;
    }

    public Instant firstAttendedAt() {
        return firstAttendedAt;
    }

    public List<OnwardReferralView> onwardReferrals() {
        return List.copyOf(onwardReferrals);
    }

    public List<OutcomeMeasureView> outcomeMeasures() {
        return List.copyOf(outcomeMeasures);
    }

    public List<ClosureView> closures() {
        return List.copyOf(closures);
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** Why the case is closed; null while it is open, also after a reopening. */
    public ClosureReason closureReason() {
        return closureReason;
    }

    public List<StatusChange> statusHistory() {
        return List.copyOf(statusHistory);
    }

    /** Whether the case is on the waiting list: see {@link CaseStatus#isWaiting()}. */
    public boolean isWaiting() {
        return status != null && status.isWaiting();
    }

    public DeclineReason declineReason() {
        return declineReason;
    }

    public boolean allocatedAboveCapacity() {
        return allocatedAboveCapacity;
    }

    public int attendanceCorrections() {
        return attendanceCorrections;
    }

    public Instant lastChangedAt() {
        return lastChangedAt;
    }
}
