package org.clw.ledger.query.directory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clw.ledger.api.InvalidParameter;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.OrganisationKind;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.setting.Hscp;
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
 * The community directory, read by every role (organisations and services are not personal data): organisations,
 * and services searched by need, area and words, open ones first.
 */
@RestController
@RequestMapping("/api/directory")
class DirectoryQueryController {

    static final int MAX_WORDS = 8;

    private final MongoOperations mongo;

    DirectoryQueryController(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Organisations by name; {@code q}: words that must all be in the name. */
    @GetMapping("/organisations")
    PageOf<OrganisationBody> organisations(
            @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        List<Criteria> criteria = new ArrayList<>();
        if (kind != null) {
            criteria.add(Criteria.where("kind").is(kind));
        }
        words(q).forEach(word -> criteria.add(Criteria.where("searchName").regex(literal(word))));
        Query query = criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, OrganisationDocument.COLLECTION);
        query.with(Sort.by("searchName", "_id")).skip(PageOf.offset(page, size)).limit(size);
        return PageOf.of(mongo.find(query, OrganisationDocument.class, OrganisationDocument.COLLECTION).stream()
                .map(OrganisationBody::of).toList(), page, size, total);
    }

    @GetMapping("/organisations/{organisationId}")
    OrganisationBody organisation(@PathVariable OrganisationId organisationId) {
        return Optional.ofNullable(mongo.findById(organisationId.value(), OrganisationDocument.class,
                        OrganisationDocument.COLLECTION))
                .map(OrganisationBody::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown id " + organisationId));
    }

    /**
     * Services, open ones first, then by name. {@code area}: those serving it, programme-wide ones included;
     * {@code q}: words that must all be in the name or description; {@code open}: only open (true) or withdrawn
     * (false) ones.
     */
    @GetMapping("/services")
    PageOf<ServiceBody> services(
            @RequestParam(required = false) Need need,
            @RequestParam(required = false) Hscp area,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) OrganisationId organisation,
            @RequestParam(required = false) Boolean open,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        List<Criteria> criteria = new ArrayList<>();
        if (need != null) {
            criteria.add(Criteria.where("needs").is(need));
        }
        if (area != null) {
            criteria.add(new Criteria().orOperator(Criteria.where("programmeWide").is(true),
                    Criteria.where("areas").is(area)));
        }
        if (organisation != null) {
            criteria.add(Criteria.where("organisationId").is(organisation.value()));
        }
        if (open != null) {
            criteria.add(Criteria.where("open").is(open));
        }
        words(q).forEach(word -> criteria.add(Criteria.where("searchText").regex(literal(word))));
        Query query = criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, ServiceDocument.COLLECTION);
        query.with(Sort.by(Sort.Order.desc("open"), Sort.Order.asc("sortName"), Sort.Order.asc("_id")))
                .skip(PageOf.offset(page, size)).limit(size);
        List<ServiceDocument> found = mongo.find(query, ServiceDocument.class, ServiceDocument.COLLECTION);
        Map<String, String> names = organisationNames(found.stream().map(service -> service.organisationId).toList());
        return PageOf.of(found.stream().map(service -> ServiceBody.of(service, names.get(service.organisationId),
                false)).toList(), page, size, total);
    }

    @GetMapping("/services/{serviceId}")
    ServiceBody service(@PathVariable ServiceId serviceId) {
        ServiceDocument service = mongo.findById(serviceId.value(), ServiceDocument.class, ServiceDocument.COLLECTION);
        if (service == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown id " + serviceId);
        }
        return ServiceBody.of(service, organisationNames(List.of(service.organisationId)).get(service.organisationId),
                true);
    }

    /** The words of a search, in lower case; a search by more than {@link #MAX_WORDS} words is refused. */
    private static List<String> words(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        List<String> words = Arrays.stream(q.strip().split("\\s+")).map(DirectoryProjection::lower).distinct()
                .toList();
        if (words.size() > MAX_WORDS) {
            throw new InvalidParameter("q", "search by at most " + MAX_WORDS + " words");
        }
        return words;
    }

    /**
     * A word as a pattern that matches it literally: each ASCII sign escaped (both Java's and MongoDB's regular
     * expressions read a backslash before a sign as the sign itself; not every server knows {@code \\Q...\\E}).
     */
    static String literal(String word) {
        StringBuilder pattern = new StringBuilder();
        word.chars().forEach(c -> {
            if (c < 128 && !Character.isLetterOrDigit(c)) {
                pattern.append('\\');
            }
            pattern.appendCodePoint(c);
        });
        return pattern.toString();
    }

    private Map<String, String> organisationNames(List<String> organisationIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(organisationIds.stream().distinct().toList())),
                        OrganisationDocument.class, OrganisationDocument.COLLECTION).stream()
                .collect(Collectors.toMap(organisation -> organisation.organisationId,
                        organisation -> organisation.name == null ? "" : organisation.name,
                        (one, other) -> one));
    }
}
