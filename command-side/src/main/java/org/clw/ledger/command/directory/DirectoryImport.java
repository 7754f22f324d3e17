package org.clw.ledger.command.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandExecutionException;
import org.clw.ledger.api.InvalidParameter;
import org.clw.ledger.api.security.OutOfScope;
import org.clw.ledger.command.domain.CommandRefusal;
import org.clw.ledger.command.web.CommandContext;
import org.clw.ledger.command.web.CommandDispatcher;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.OrganisationKind;
import org.clw.ledger.events.directory.OrganisationProfile;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;
import org.springframework.stereotype.Component;

/**
 * Loads a directory from CSV, one row per service with its organisation's columns repeated (README, "The community
 * directory"). Each row is compared with the directory as it stands and only what differs is sent, as the same
 * commands the API sends, so importing the same file twice changes nothing; a row that breaks a rule, or names an
 * area the caller does not manage, is refused with its reason and the others go ahead.
 */
@Component
class DirectoryImport {

    static final int MAX_ROWS = 2000;
    static final List<String> COLUMNS = List.of("organisation_id", "organisation_name", "organisation_kind",
            "website", "phone", "email", "service_id", "service_name", "description", "needs", "areas", "link_modes");
    static final String PROGRAMME_WIDE = "PROGRAMME_WIDE";

    private final CommandDispatcher commands;
    private final DirectoryLookup lookup;
    private final DirectoryAccess access;

    DirectoryImport(CommandDispatcher commands, DirectoryLookup lookup, DirectoryAccess access) {
        this.commands = commands;
        this.lookup = lookup;
        this.access = access;
    }

    /** @throws InvalidParameter when the file as a whole cannot be read: nothing is imported then */
    ImportReport load(String csv, CommandContext context) {
        if (csv.indexOf('\0') >= 0) {
            throw new InvalidParameter("file", "must be text without NUL characters");
        }
        List<List<String>> records;
        try {
            records = CsvRows.parse(csv);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidParameter("file", "is not CSV: " + malformed.getMessage());
        }
        if (records.isEmpty()) {
            throw new InvalidParameter("file", "needs a header row: " + String.join(",", COLUMNS));
        }
        Map<String, Integer> header = header(records.get(0));
        if (records.size() - 1 > MAX_ROWS) {
            throw new InvalidParameter("file", "may have at most " + MAX_ROWS + " rows; split it");
        }
        Map<String, OrganisationProfile> seen = new HashMap<>();
        List<ImportReport.Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            rows.add(importRow(i, columns(header, records.get(i)), seen, context));
        }
        return ImportReport.of(rows);
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            header.put(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(column -> !header.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidParameter("file", "the header lacks the columns " + missing + "; it needs "
                    + String.join(",", COLUMNS));
        }
        return header;
    }

    private static Map<String, String> columns(Map<String, Integer> header, List<String> record) {
        Map<String, String> columns = new HashMap<>();
        for (String column : COLUMNS) {
            int index = header.get(column);
            String value = index < record.size() ? record.get(index).strip() : "";
            columns.put(column, value.isEmpty() ? null : value);
        }
        return columns;
    }

    private ImportReport.Row importRow(int number, Map<String, String> row, Map<String, OrganisationProfile> seen,
            CommandContext context) {
        String organisationText = row.get("organisation_id");
        String serviceText = row.get("service_id");
        OrganisationId organisationId;
        ServiceId serviceId;
        OrganisationProfile profile;
        ServiceOffer offer;
        try {
            organisationId = new OrganisationId(organisationText);
        } catch (IllegalArgumentException e) {
            return refused(number, organisationText, serviceText, null, "organisation_id", e.getMessage());
        }
        try {
            serviceId = new ServiceId(serviceText);
        } catch (IllegalArgumentException e) {
            return refused(number, organisationText, serviceText, null, "service_id", e.getMessage());
        }
        try {
            profile = new OrganisationProfile(row.get("organisation_name"),
                    code(row, "organisation_kind", OrganisationKind::valueOf).stream().findFirst().orElse(null),
                    row.get("website"), row.get("phone"), row.get("email"));
            Set<Hscp> areas = new LinkedHashSet<>();
            boolean programmeWide = false;
            for (String area : list(row.get("areas"))) {
                if (area.equals(PROGRAMME_WIDE)) {
                    programmeWide = true;
                } else {
                    areas.add(parse("areas", area, Hscp::valueOf));
                }
            }
            offer = new ServiceOffer(row.get("service_name"), row.get("description"),
                    code(row, "needs", Need::valueOf), areas, programmeWide,
                    code(row, "link_modes", OnwardReferralKind::valueOf));
        } catch (RowRefused refusal) {
            return refused(number, organisationText, serviceText, null, refusal.field, refusal.getMessage());
        }
        OrganisationProfile earlier = seen.putIfAbsent(organisationId.value(), profile);
        if (earlier != null && !earlier.equals(profile)) {
            return refused(number, organisationText, serviceText, null, "organisation_name",
                    "the organisation's columns differ from an earlier row of the same organisation");
        }
        ImportOutcome organisation;
        try {
            organisation = earlier != null ? ImportOutcome.UNCHANGED : organisation(organisationId, profile, context);
        } catch (RowRefused refusal) {
            seen.remove(organisationId.value());
            return refused(number, organisationText, serviceText, ImportOutcome.REFUSED, refusal.field,
                    refusal.getMessage());
        }
        try {
            return new ImportReport.Row(number, organisationText, serviceText, organisation,
                    service(serviceId, organisationId, offer, context), null, null);
        } catch (RowRefused refusal) {
            return refused(number, organisationText, serviceText, organisation, refusal.field, refusal.getMessage());
        }
    }

    private ImportOutcome organisation(OrganisationId id, OrganisationProfile profile, CommandContext context) {
        Optional<OrganisationProfile> current = lookup.organisation(id);
        if (current.isEmpty()) {
            send(new RegisterOrganisation(id, profile), id, context, ORGANISATION_FIELDS);
            return ImportOutcome.ADDED;
        }
        if (current.get().equals(profile)) {
            return ImportOutcome.UNCHANGED;
        }
        send(new ChangeOrganisation(id, profile), id, context, ORGANISATION_FIELDS);
        return ImportOutcome.CHANGED;
    }

    private ImportOutcome service(ServiceId id, OrganisationId organisationId, ServiceOffer offer,
            CommandContext context) {
        Optional<ServiceEntry> current = lookup.service(id);
        if (current.isPresent() && !current.get().organisationId().equals(organisationId)) {
            throw new RowRefused("service_id", "service " + id + " belongs to organisation "
                    + current.get().organisationId());
        }
        if (current.isPresent() && current.get().offer().equals(offer)) {
            return ImportOutcome.UNCHANGED;
        }
        try {
            access.checkKeeps(current.map(ServiceEntry::offer).orElse(null), offer);
        } catch (OutOfScope outOfScope) {
            throw new RowRefused("areas", outOfScope.getMessage());
        }
        if (current.isEmpty()) {
            send(new AddService(id, organisationId, offer), id, context, SERVICE_FIELDS);
            return ImportOutcome.ADDED;
        }
        send(new ChangeService(id, offer), id, context, SERVICE_FIELDS);
        return ImportOutcome.CHANGED;
    }

    /** The CSV columns of the fields a command refusal names. */
    private static final Map<String, String> ORGANISATION_FIELDS = Map.of("name", "organisation_name",
            "kind", "organisation_kind");
    private static final Map<String, String> SERVICE_FIELDS = Map.of("name", "service_name",
            "linkModes", "link_modes");

    private void send(Object command, Object id, CommandContext context, Map<String, String> columns) {
        try {
            commands.send(command, id, context);
        } catch (CommandExecutionException refused) {
            CommandRefusal refusal = refused.getDetails().filter(CommandRefusal.class::isInstance)
                    .map(CommandRefusal.class::cast)
                    .orElseThrow(() -> refused);
            String field = refusal.field() == null ? null : columns.getOrDefault(refusal.field(), refusal.field());
            throw new RowRefused(field, refusal.message());
        }
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(";")).map(String::strip)
                .filter(item -> !item.isEmpty()).map(item -> item.toUpperCase(Locale.ROOT)).toList();
    }

    private static <E> Set<E> code(Map<String, String> row, String column, Function<String, E> values) {
        Set<E> codes = new LinkedHashSet<>();
        for (String item : list(row.get(column))) {
            codes.add(parse(column, item, values));
        }
        return codes;
    }

    private static <E> E parse(String column, String item, Function<String, E> values) {
        try {
            return values.apply(item);
        } catch (IllegalArgumentException unknown) {
            throw new RowRefused(column, "unknown value " + (item.length() > 40 ? item.substring(0, 40) + "..." : item)
                    + " (README, \"Values\")");
        }
    }

    private static ImportReport.Row refused(int number, String organisationId, String serviceId,
            ImportOutcome organisation, String field, String reason) {
        return new ImportReport.Row(number, shorten(organisationId), shorten(serviceId),
                organisation == null ? ImportOutcome.REFUSED : organisation, ImportOutcome.REFUSED, field, reason);
    }

    /** A refused id is echoed only as far as an id can be long. */
    private static String shorten(String id) {
        return id == null || id.length() <= 64 ? id : id.substring(0, 64) + "...";
    }

    /** Why one row is refused; the import goes on with the next. */
    private static final class RowRefused extends RuntimeException {

        final String field;

        RowRefused(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
