package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.CancellationParty;
import org.clw.ledger.events.appointment.CancellationReason;
import org.clw.ledger.events.referral.ReferralId;

/** Cancel a booked appointment. */
public record CancelAppointment(
        @TargetAggregateIdentifier ReferralId referralId,
        AppointmentId appointmentId,
        CancellationParty cancelledBy,
        CancellationReason reason) {
}
