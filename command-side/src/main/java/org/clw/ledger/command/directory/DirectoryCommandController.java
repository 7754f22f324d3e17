package org.clw.ledger.command.directory;

import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.command.web.CommandAccepted;
import org.clw.ledger.command.web.CommandContext;
import org.clw.ledger.command.web.CommandDispatcher;
import org.clw.ledger.command.web.NewIds;
import org.clw.ledger.events.directory.EntryProposed;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.ProposalId;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Keeping the community directory: organisations and the services they offer. */
@RestController
@RequestMapping("/api/directory")
class DirectoryCommandController {

    private final CommandDispatcher commands;
    private final DirectoryAccess access;
    private final DirectoryLookup lookup;
    private final DirectoryImport importer;

    DirectoryCommandController(CommandDispatcher commands, DirectoryAccess access, DirectoryLookup lookup,
            DirectoryImport importer) {
        this.commands = commands;
        this.access = access;
        this.lookup = lookup;
        this.importer = importer;
    }

    /**
     * Loads organisations and services from CSV (README, "The community directory"): what differs from the directory
     * is recorded, row by row, and the report says what each row did; the same file again changes nothing.
     */
    @PostMapping(path = "/imports", consumes = "text/csv")
    ImportReport load(@RequestBody String csv, CommandContext context) {
        return importer.load(csv, context);
    }

    @PostMapping("/organisations")
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody OrganisationRequest request,
            CommandContext context) {
        OrganisationId id = request.organisationId() != null ? request.organisationId()
                : new OrganisationId(NewIds.next("org"));
        CommandAccepted accepted = commands.send(new RegisterOrganisation(id, request.profile()), id, context);
        return ResponseEntity.created(URI.create("/api/directory/organisations/" + id)).body(accepted);
    }

    @PutMapping("/organisations/{organisationId}")
    ResponseEntity<CommandAccepted> change(@PathVariable OrganisationId organisationId,
            @Valid @RequestBody OrganisationChangeRequest request, CommandContext context) {
        return ResponseEntity.accepted().body(
                commands.send(new ChangeOrganisation(organisationId, request.profile()), organisationId, context));
    }

    @PostMapping("/services")
    ResponseEntity<CommandAccepted> add(@Valid @RequestBody ServiceRequest request, CommandContext context) {
        ServiceId id = request.serviceId() != null ? request.serviceId() : new ServiceId(NewIds.next("svc"));
        access.checkKeeps(request.offer());
        if (lookup.organisation(request.organisationId()).isEmpty()) {
            throw new RuleViolation("Organisation " + request.organisationId() + " is not in the directory");
        }
        CommandAccepted accepted = commands.send(new AddService(id, request.organisationId(), request.offer()), id,
                context);
        return ResponseEntity.created(URI.create("/api/directory/services/" + id)).body(accepted);
    }

    @PutMapping("/services/{serviceId}")
    ResponseEntity<CommandAccepted> change(@PathVariable ServiceId serviceId,
            @Valid @RequestBody ServiceChangeRequest request, CommandContext context) {
        access.checkKeeps(currentOffer(serviceId), request.offer());
        return ResponseEntity.accepted()
                .body(commands.send(new ChangeService(serviceId, request.offer()), serviceId, context));
    }

    @PostMapping("/services/{serviceId}/withdrawal")
    ResponseEntity<CommandAccepted> withdraw(@PathVariable ServiceId serviceId, CommandContext context) {
        access.checkKeeps(currentOffer(serviceId));
        return ResponseEntity.accepted().body(commands.send(new WithdrawService(serviceId), serviceId, context));
    }

    @PostMapping("/services/{serviceId}/reopening")
    ResponseEntity<CommandAccepted> reopen(@PathVariable ServiceId serviceId, CommandContext context) {
        access.checkKeeps(currentOffer(serviceId));
        return ResponseEntity.accepted().body(commands.send(new ReopenService(serviceId), serviceId, context));
    }

    /** Any role that refers people on may propose a service not yet in the directory (README, "Proposals"). */
    @PostMapping("/proposals")
    ResponseEntity<CommandAccepted> propose(@Valid @RequestBody ProposalRequest request, CommandContext context) {
        ProposalId id = request.proposalId() != null ? request.proposalId() : new ProposalId(NewIds.next("prop"));
        CommandAccepted accepted = commands.send(new ProposeEntry(id, request.organisationName(), request.offer()),
                id, context);
        return ResponseEntity.created(URI.create("/api/directory/proposals/" + id)).body(accepted);
    }

    /**
     * Whoever would keep the proposed service (a manager of its areas, an admin) accepts it, once it is added, naming
     * a service they keep.
     */
    @PostMapping("/proposals/{proposalId}/acceptance")
    ResponseEntity<CommandAccepted> accept(@PathVariable ProposalId proposalId,
            @Valid @RequestBody ProposalAcceptanceRequest request, CommandContext context) {
        EntryProposed proposed = lookup.proposal(proposalId).orElseThrow(
                () -> new AggregateNotFoundException(proposalId.value(), "Unknown id " + proposalId));
        access.checkKeeps(proposed.offer());
        // The service named must be one the caller keeps too: a manager may not link a proposal to another area's.
        ServiceEntry service = lookup.service(request.serviceId()).orElseThrow(() -> new RuleViolation(
                "Service " + request.serviceId() + " is not in the directory; add it first"));
        access.checkKeeps(service.offer());
        return ResponseEntity.accepted().body(commands.send(new AcceptProposal(proposalId, request.serviceId()),
                proposalId, context));
    }

    @PostMapping("/proposals/{proposalId}/decline")
    ResponseEntity<CommandAccepted> decline(@PathVariable ProposalId proposalId,
            @Valid @RequestBody ProposalDeclineRequest request, CommandContext context) {
        access.checkKeeps(proposedOffer(proposalId));
        return ResponseEntity.accepted().body(commands.send(new DeclineProposal(proposalId, request.reason()),
                proposalId, context));
    }

    /** Null for an unknown proposal, which the command then answers with 404. */
    private ServiceOffer proposedOffer(ProposalId proposalId) {
        return lookup.proposal(proposalId).map(EntryProposed::offer).orElse(null);
    }

    /** Null for an unknown service, which the command then answers with 404. */
    private ServiceOffer currentOffer(ServiceId serviceId) {
        return lookup.service(serviceId).map(ServiceEntry::offer).orElse(null);
    }
}
