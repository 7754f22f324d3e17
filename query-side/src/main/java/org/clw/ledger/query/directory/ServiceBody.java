package org.clw.ledger.query.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;

/**
 * A service of the directory, as the API shows it, with the name of the organisation that offers it; one service
 * read by id also has its history (each change, oldest first), a search result has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ServiceBody(String serviceId, String organisationId, String organisationName, String name, String description,
                   List<Need> needs, List<Hscp> areas, boolean programmeWide, List<OnwardReferralKind> linkModes,
                   boolean open, Instant addedAt, long version, List<HistoryItem> history) {

    static ServiceBody of(ServiceDocument document, String organisationName, boolean withHistory) {
        return new ServiceBody(document.serviceId, document.organisationId, organisationName, document.name,
                document.description, document.needs, document.areas, document.programmeWide, document.linkModes,
                document.open, document.addedAt, document.version,
                withHistory ? document.history.stream().map(HistoryItem::of).toList() : null);
    }

    /** @param change ADDED, CHANGED, WITHDRAWN or REOPENED; the offer's fields only for ADDED and CHANGED */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HistoryItem(String change, Instant occurredAt, long version, String name, List<Need> needs,
                       List<Hscp> areas, Boolean programmeWide, List<OnwardReferralKind> linkModes) {

        static HistoryItem of(ServiceDocument.Change change) {
            boolean offer = change.name != null;
            return new HistoryItem(change.change, change.occurredAt, change.version, change.name, change.needs,
                    change.areas, offer ? change.programmeWide : null, change.linkModes);
        }
    }
}
