package org.clw.ledger.query.referral;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clw.ledger.api.InvalidParameter;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.access.QueryScope;
import org.clw.ledger.query.directory.DirectoryNames;
import org.clw.ledger.query.web.PageOf;
import org.springframework.data.domain.Sort;
import org.clw.ledger.privacy.PersonalDetailsCipher;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.clw.ledger.events.ProgrammeCalendar;

/** Case summaries: one by id, or a search by status, setting, worker, need and date of receipt. */
@RestController
@RequestMapping("/api/cases")
class CaseQueryController {

    private final MongoOperations mongo;
    private final CaseAsOf asOf;
    private final QueryScope scope;
    private final PersonalDetailsCipher cipher;
    private final DirectoryNames directory;

    CaseQueryController(MongoOperations mongo, CaseAsOf asOf, QueryScope scope, PersonalDetailsCipher cipher,
            DirectoryNames directory) {
        this.mongo = mongo;
        this.asOf = asOf;
        this.scope = scope;
        this.cipher = cipher;
        this.directory = directory;
    }

    /**
     * The case now, from the read model; or, with {@code asOf} (an instant) or {@code version}, as it stood then,
     * folded from the event store: the same state has the same body either way.
     */
    @GetMapping("/{referralId}")
    CaseBody find(@PathVariable ReferralId referralId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) @Min(0) Long version) {
        if (asOf != null && version != null) {
            throw new InvalidParameter("version", "give asOf or version, not both");
        }
        Optional<CaseBody> summary = asOf != null ? this.asOf.at(referralId.value(), asOf)
                : version != null ? this.asOf.atVersion(referralId.value(), version)
                : Optional.ofNullable(mongo.findById(referralId.value(), CaseSummary.class, CaseSummary.COLLECTION))
                        .map(c -> CaseBody.of(c, cipher, directory));
        return summary.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Unknown id " + referralId + (asOf != null || version != null ? " at that point" : "")));
    }

    /**
     * {@code from} and {@code to} bound the day of receipt, both inclusive. Newest first. Only the cases the caller
     * may see: a links worker's own, a manager's settings'.
     */
    @GetMapping
    PageOf<CaseBody> search(
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) SettingId setting,
            @RequestParam(required = false) LinksWorkerId worker,
            @RequestParam(required = false) Need need,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameter("from", "must not be after to");
        }
        List<Criteria> criteria = new ArrayList<>();
        Optional.ofNullable(scope.caseCriteria()).ifPresent(criteria::add);
        if (status != null) {
            criteria.add(Criteria.where("state.status").is(status));
        }
        if (setting != null) {
            criteria.add(Criteria.where("state.settingId").is(setting.value()));
        }
        if (worker != null) {
            criteria.add(Criteria.where("state.workerId").is(worker.value()));
        }
        if (need != null) {
            criteria.add(Criteria.where("state.needs").is(need));
        }
        if (from != null) {
            criteria.add(Criteria.where("state.receivedAt").gte(ProgrammeCalendar.startOf(from)));
        }
        if (to != null) {
            criteria.add(Criteria.where("state.receivedAt").lt(ProgrammeCalendar.startOf(to.plusDays(1))));
        }
        Query query = criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, CaseSummary.COLLECTION);
        query.with(Sort.by(Sort.Order.desc("state.receivedAt"), Sort.Order.asc("_id"))).skip(PageOf.offset(page, size))
                .limit(size);
        return PageOf.of(CaseBody.page(mongo.find(query, CaseSummary.class, CaseSummary.COLLECTION), cipher,
                directory), page, size, total);
    }
}
