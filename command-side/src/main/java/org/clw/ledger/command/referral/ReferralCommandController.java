package org.clw.ledger.command.referral;

import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.clw.ledger.api.InvalidParameter;
import org.clw.ledger.command.access.CommandScope;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.command.registry.Registry;
import org.clw.ledger.command.web.CommandAccepted;
import org.clw.ledger.command.web.CommandContext;
import org.clw.ledger.command.web.CommandDispatcher;
import org.clw.ledger.command.web.NewIds;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.SealedText;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.privacy.ParticipantKeys;
import org.clw.ledger.privacy.PersonalDetailsCipher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case's lifecycle: creation, acceptance, allocation, onward referrals, outcome measures, closure. Free text
 * about the person (the closure summary, the onward referral's organisation) is sealed here under their key, before
 * any command carries it.
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralCommandController {

    private final CommandDispatcher commands;
    private final CommandScope scope;
    private final Registry registry;
    private final PersonalDetailsCipher cipher;

    ReferralCommandController(CommandDispatcher commands, CommandScope scope, Registry registry,
            PersonalDetailsCipher cipher) {
        this.commands = commands;
        this.scope = scope;
        this.registry = registry;
        this.cipher = cipher;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> create(@Valid @RequestBody CreateReferralRequest request, CommandContext context) {
        ReferralId id = request.referralId() != null ? request.referralId() : new ReferralId(NewIds.next("ref"));
        scope.checkNewReferralAt(request.settingId());
        if (!scope.maySee(request.participantId())) {
            // Answered as for a person who does not exist: a referral may neither reveal nor open up someone unseen.
            throw new RuleViolation("Participant " + request.participantId() + " is not known");
        }
        CommandAccepted accepted = commands.send(new CreateReferral(id, request.participantId(), request.settingId(),
                request.needs(), request.primaryNeed(), request.route(), request.consentRecorded(),
                request.receivedAt()), id, context);
        return ResponseEntity.created(URI.create("/api/cases/" + id)).body(accepted);
    }

    @PostMapping("/{referralId}/acceptance")
    ResponseEntity<CommandAccepted> accept(@PathVariable ReferralId referralId, CommandContext context) {
        return ResponseEntity.accepted().body(commands.send(new AcceptReferral(referralId), referralId, context));
    }

    @PostMapping("/{referralId}/decline")
    ResponseEntity<CommandAccepted> decline(@PathVariable ReferralId referralId,
            @Valid @RequestBody DeclineReferralRequest request, CommandContext context) {
        return ResponseEntity.accepted().body(
                commands.send(new DeclineReferral(referralId, request.reason()), referralId, context));
    }

    @PostMapping("/{referralId}/allocation")
    ResponseEntity<CommandAccepted> allocate(@PathVariable ReferralId referralId,
            @Valid @RequestBody AllocationRequest request, CommandContext context) {
        return ResponseEntity.accepted().body(commands.send(
                new AllocateLinksWorker(referralId, request.workerId(), request.overrideCapacity()),
                referralId, context));
    }

    @PostMapping("/{referralId}/onward-referrals")
    ResponseEntity<CommandAccepted> recordOnwardReferral(@PathVariable ReferralId referralId,
            @Valid @RequestBody OnwardReferralRequest request, CommandContext context) {
        OnwardReferralId id = request.onwardReferralId() != null
                ? request.onwardReferralId() : new OnwardReferralId(NewIds.next("onw"));
        boolean freeText = request.organisation() != null;
        if (freeText == (request.serviceId() != null)) {
            throw new InvalidParameter(freeText ? "organisation" : "serviceId", "name either a directory service"
                    + " (serviceId) or, for something not in the directory, the organisation; exactly one of the two");
        }
        if (freeText && request.organisation().isBlank()) {
            throw new InvalidParameter("organisation", "must not be blank");
        }
        RecordOnwardReferral command = freeText
                ? RecordOnwardReferral.outsideDirectory(referralId, id, sealed(referralId, request.organisation()),
                        request.need(), request.kind())
                : RecordOnwardReferral.toService(referralId, id, request.serviceId(), request.need(), request.kind());
        CommandAccepted accepted = commands.send(command, id, context);
        return ResponseEntity.created(URI.create("/api/referrals/" + referralId + "/onward-referrals/" + id))
                .body(accepted);
    }

    @PostMapping("/{referralId}/onward-referrals/{onwardReferralId}/outcome")
    ResponseEntity<CommandAccepted> recordOnwardReferralOutcome(@PathVariable ReferralId referralId,
            @PathVariable OnwardReferralId onwardReferralId,
            @Valid @RequestBody OnwardReferralOutcomeRequest request, CommandContext context) {
        return ResponseEntity.accepted().body(commands.send(
                new RecordOnwardReferralOutcome(referralId, onwardReferralId, request.outcome(),
                        request.correctionReason()), onwardReferralId, context));
    }

    @PostMapping("/{referralId}/outcome-measures")
    ResponseEntity<CommandAccepted> recordOutcomeMeasure(@PathVariable ReferralId referralId,
            @Valid @RequestBody OutcomeMeasureRequest request, CommandContext context) {
        CommandAccepted accepted = commands.send(new RecordOutcomeMeasure(referralId, request.instrument(),
                request.timepoint(), request.answers(), request.mode()), referralId, context);
        return ResponseEntity.created(URI.create("/api/cases/" + referralId)).body(accepted);
    }

    @PostMapping("/{referralId}/closure")
    ResponseEntity<CommandAccepted> close(@PathVariable ReferralId referralId,
            @Valid @RequestBody ClosureRequest request, CommandContext context) {
        return ResponseEntity.accepted().body(commands.send(
                new CloseCase(referralId, request.reason(), sealed(referralId, request.summary())), referralId, context));
    }

    @PostMapping("/{referralId}/reopening")
    ResponseEntity<CommandAccepted> reopen(@PathVariable ReferralId referralId,
            @Valid @RequestBody ReopeningRequest request, CommandContext context) {
        return ResponseEntity.accepted().body(
                commands.send(new ReopenCase(referralId, request.reason()), referralId, context));
    }

    /** Sealed under the key of the case's participant; for an unknown case the command is refused as before. */
    private SealedText sealed(ReferralId referralId, String text) {
        if (text == null) {
            return null;
        }
        ParticipantId participantId = registry.participantOf(referralId)
                .orElseThrow(() -> new AggregateNotFoundException(referralId.value(), "Unknown id " + referralId));
        try {
            return cipher.sealText(participantId, text);
        } catch (ParticipantKeys.KeyDestroyed erased) {
            throw new RuleViolation("Participant " + participantId + " has been erased: no free text can be "
                    + "recorded about them");
        }
    }
}
