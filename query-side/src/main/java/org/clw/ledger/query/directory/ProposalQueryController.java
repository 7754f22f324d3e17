package org.clw.ledger.query.directory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Callers;
import org.clw.ledger.events.directory.ProposalId;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.query.setting.SettingView;
import org.clw.ledger.query.web.PageOf;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Proposed directory entries (the role rules let in only those who may propose: links workers, managers, admins).
 * Whoever proposed sees their own; a manager also those for an area of the settings they manage, to accept or
 * decline; an admin all. Oldest first, so that the longest-waiting proposal is decided first.
 */
@RestController
@RequestMapping("/api/directory/proposals")
class ProposalQueryController {

    private final MongoOperations mongo;
    private final Callers callers;

    ProposalQueryController(MongoOperations mongo, Callers callers) {
        this.mongo = mongo;
        this.callers = callers;
    }

    @GetMapping
    PageOf<ProposalBody> proposals(
            @RequestParam(required = false) ProposalState state,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        List<Criteria> criteria = new ArrayList<>();
        Criteria visible = visibleTo(callers.current());
        if (visible != null) {
            criteria.add(visible);
        }
        if (state != null) {
            criteria.add(Criteria.where("state").is(state));
        }
        Query query = criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, ProposalDocument.COLLECTION);
        query.with(Sort.by("proposedAt", "_id")).skip(PageOf.offset(page, size)).limit(size);
        return PageOf.of(mongo.find(query, ProposalDocument.class, ProposalDocument.COLLECTION).stream()
                .map(ProposalBody::of).toList(), page, size, total);
    }

    /** One proposal; 404 when there is none the caller may see, as if it did not exist. */
    @GetMapping("/{proposalId}")
    ProposalBody proposal(@PathVariable ProposalId proposalId) {
        Criteria visible = visibleTo(callers.current());
        Criteria byId = Criteria.where("_id").is(proposalId.value());
        ProposalDocument found = mongo.findOne(Query.query(visible == null ? byId
                : new Criteria().andOperator(byId, visible)), ProposalDocument.class, ProposalDocument.COLLECTION);
        if (found == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown id " + proposalId);
        }
        return ProposalBody.of(found);
    }

    /** Null when the caller sees every proposal. */
    private Criteria visibleTo(Caller caller) {
        Criteria own = Criteria.where("proposedBy").is(caller.username());
        return switch (caller.role()) {
            case ADMIN -> null;
            case SERVICE_MANAGER -> new Criteria().orOperator(own, Criteria.where("areas").in(managedAreas(caller)));
            default -> own;
        };
    }

    private List<Hscp> managedAreas(Caller caller) {
        return mongo.find(Query.query(Criteria.where("_id").in(caller.managedSettings())), SettingView.class,
                        SettingView.COLLECTION).stream()
                .map(SettingView::hscp).filter(Objects::nonNull).distinct().toList();
    }
}
