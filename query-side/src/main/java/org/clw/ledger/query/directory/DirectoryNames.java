package org.clw.ledger.query.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The names of directory services and organisations, for other features to label what they show (a case's onward
 * referrals, uptake figures) without knowing the directory's documents. Names are not personal data.
 */
@Component
public class DirectoryNames {

    private static final int IDS_PER_QUERY = 1000;

    private final MongoOperations mongo;

    DirectoryNames(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** A service's name and the organisation offering it. */
    public record ServiceName(String name, String organisationId) {
    }

    /** Services' names and organisations', by id, read together for whatever shows them. */
    public record Labels(Map<String, ServiceName> services, Map<String, String> organisations) {
    }

    /** The names of these services and organisations, one query each (per thousand ids), none for no ids. */
    public Labels labels(Collection<String> serviceIds, Collection<String> organisationIds) {
        return new Labels(services(serviceIds), organisations(organisationIds));
    }

    /** The services known to the directory among {@code serviceIds}, by id. */
    public Map<String, ServiceName> services(Collection<String> serviceIds) {
        Map<String, ServiceName> names = new HashMap<>();
        for (List<String> chunk : chunks(serviceIds)) {
            mongo.find(Query.query(Criteria.where("_id").in(chunk)), ServiceDocument.class,
                    ServiceDocument.COLLECTION).forEach(service -> names.put(service.serviceId,
                    new ServiceName(service.name, service.organisationId)));
        }
        return names;
    }

    /** The names of the organisations known to the directory among {@code organisationIds}, by id. */
    public Map<String, String> organisations(Collection<String> organisationIds) {
        Map<String, String> names = new HashMap<>();
        for (List<String> chunk : chunks(organisationIds)) {
            mongo.find(Query.query(Criteria.where("_id").in(chunk)), OrganisationDocument.class,
                    OrganisationDocument.COLLECTION).forEach(organisation -> names.put(organisation.organisationId,
                    organisation.name));
        }
        return names;
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> distinct = List.copyOf(Set.copyOf(ids));
        List<List<String>> chunks = new java.util.ArrayList<>();
        for (int start = 0; start < distinct.size(); start += IDS_PER_QUERY) {
            chunks.add(distinct.subList(start, Math.min(distinct.size(), start + IDS_PER_QUERY)));
        }
        return chunks;
    }
}
