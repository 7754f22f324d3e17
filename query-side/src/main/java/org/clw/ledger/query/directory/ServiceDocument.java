package org.clw.ledger.query.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;
import org.springframework.data.annotation.Id;

/**
 * A service of the directory as stored, the {@code directory_services} collection: what it offers now, whether it is
 * open, and each change it went through.
 */
class ServiceDocument {

    static final String COLLECTION = "directory_services";

    @Id
    String serviceId;
    long version = -1;
    long position = -1;
    String organisationId;
    String name;
    String description;
    List<Need> needs = new ArrayList<>();
    List<Hscp> areas = new ArrayList<>();
    boolean programmeWide;
    List<OnwardReferralKind> linkModes = new ArrayList<>();
    boolean open;
    /** Lower-case name, for ordering whatever the capitals. */
    String sortName;
    /** Lower-case name and description, for word search. */
    String searchText;
    Instant addedAt;
    List<Change> history = new ArrayList<>();

    static ServiceDocument of(String serviceId) {
        ServiceDocument service = new ServiceDocument();
        service.serviceId = serviceId;
        return service;
    }

    /** One event of the service: what happened, when, and for an addition or change the name it then had. */
    static class Change {
        String change;
        Instant occurredAt;
        long version;
        String name;
        List<Need> needs;
        List<Hscp> areas;
        boolean programmeWide;
        List<OnwardReferralKind> linkModes;
    }
}
