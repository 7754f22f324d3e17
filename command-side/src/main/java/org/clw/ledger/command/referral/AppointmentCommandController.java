package org.clw.ledger.command.referral;

import jakarta.validation.Valid;
import java.net.URI;
import org.clw.ledger.command.web.CommandAccepted;
import org.clw.ledger.command.web.CommandContext;
import org.clw.ledger.command.web.CommandDispatcher;
import org.clw.ledger.command.web.NewIds;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.referral.ReferralId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Appointments of a case; the version in each answer is the case's. */
@RestController
@RequestMapping("/api/referrals/{referralId}/appointments")
class AppointmentCommandController {

    private final CommandDispatcher commands;

    AppointmentCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> book(@PathVariable ReferralId referralId,
            @Valid @RequestBody BookAppointmentRequest request, CommandContext context) {
        AppointmentId id = request.appointmentId() != null
                ? request.appointmentId() : new AppointmentId(NewIds.next("appt"));
        CommandAccepted accepted = commands.send(new BookAppointment(referralId, id, request.start(),
                request.durationMinutes(), request.mode()), id, context);
        return ResponseEntity.created(URI.create("/api/referrals/" + referralId + "/appointments/" + id))
                .body(accepted);
    }

    @PostMapping("/{appointmentId}/reschedule")
    ResponseEntity<CommandAccepted> reschedule(@PathVariable ReferralId referralId,
            @PathVariable AppointmentId appointmentId, @Valid @RequestBody RescheduleRequest request,
            CommandContext context) {
        return ResponseEntity.accepted().body(commands.send(new RescheduleAppointment(referralId, appointmentId,
                request.start(), request.durationMinutes()), appointmentId, context));
    }

    @PostMapping("/{appointmentId}/cancellation")
    ResponseEntity<CommandAccepted> cancel(@PathVariable ReferralId referralId,
            @PathVariable AppointmentId appointmentId, @Valid @RequestBody CancellationRequest request,
            CommandContext context) {
        return ResponseEntity.accepted().body(commands.send(new CancelAppointment(referralId, appointmentId,
                request.cancelledBy(), request.reason()), appointmentId, context));
    }

    @PostMapping("/{appointmentId}/attendance")
    ResponseEntity<CommandAccepted> recordAttendance(@PathVariable ReferralId referralId,
            @PathVariable AppointmentId appointmentId, @Valid @RequestBody AttendanceRequest request,
            CommandContext context) {
        return ResponseEntity.accepted().body(commands.send(new RecordAttendance(referralId, appointmentId,
                request.attendance(), request.correctionReason()), appointmentId, context));
    }
}
