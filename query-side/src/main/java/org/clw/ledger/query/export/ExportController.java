package org.clw.ledger.query.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.xml.stream.XMLStreamException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.events.AuditKey;
import org.clw.ledger.events.LedgerEvent;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.privacy.MasterKey;
import org.clw.ledger.query.referral.CaseState;
import org.clw.ledger.query.referral.CaseSummary;
import org.clw.ledger.query.setting.SettingView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.clw.ledger.events.ProgrammeCalendar;

/**
 * Pseudonymised exports for evaluators, streamed case by case and never built in memory. People appear only by
 * their programme number; no name, CHI number, date of birth, postcode, phone or free text is written, and actors
 * appear by role only. A correlation id may be the client's own text, so it appears only as a pseudonym (an HMAC
 * under a key derived from the master key): the events of one request still share it. Dates are days in
 * Europe/London; timestamps are UTC instants.
 */
@RestController
@RequestMapping("/api/exports")
class ExportController {

    private static final String CASES = "cases";

    private static final String CORRELATION_PSEUDONYMS = "clw-ledger export correlation pseudonym v1";
    private static final int PSEUDONYM_BYTES = 12;

    private final MongoOperations mongo;
    private final EventStore eventStore;
    private final MasterKey masterKey;

    ExportController(MongoOperations mongo, EventStore eventStore, MasterKey masterKey) {
        this.mongo = mongo;
        this.eventStore = eventStore;
        this.masterKey = masterKey;
    }

    /** One row per case, from the {@code cases} read model. */
    @GetMapping("/cases.csv")
    ResponseEntity<StreamingResponseBody> cases() {
        Map<String, SettingView> settings = settings();
        return download("cases.csv", "text/csv", out -> text(out, writer -> {
            Csv.row(writer, List.of("referral_id", "participant_id", "setting_id", "hscp", "route", "primary_need",
                    "needs", "status", "received_on", "accepted_on", "declined_on", "worker_id", "allocations",
                    "first_attended_on", "appointments_attended", "appointments_missed", "appointments_cancelled",
                    "onward_referrals", "onward_taken_up", "outcome_measures", "closures", "closed_on",
                    "closure_reason", "reopenings"));
            try (Stream<CaseSummary> cases = allCases()) {
                for (CaseState c : (Iterable<CaseState>) cases.map(CaseSummary::state)::iterator) {
                    SettingView setting = settings.get(c.settingId());
                    Csv.row(writer, Arrays.asList(c.referralId(), c.participantId(), c.settingId(),
                            setting == null ? null : setting.hscp(), c.route(), c.primaryNeed(),
                            String.join(";", c.needs().stream().map(Enum::name).toList()), c.status(),
                            day(c.receivedAt()), day(c.acceptedAt()), day(c.declinedAt()), c.workerId(),
                            c.allocations(), day(c.firstAttendedAt()), c.appointmentsAttended(),
                            c.appointmentsMissed(), c.appointmentsCancelled(), c.onwardReferrals().size(),
                            c.onwardReferrals().stream()
                                    .filter(onward -> onward.outcome() == OnwardReferralOutcome.TAKEN_UP).count(),
                            c.outcomeMeasures().size(), c.closures().size(), day(c.closedAt()),
                            c.closureReason(), c.reopenings()));
                }
            }
        }));
    }

    /** Every stored event of every case, case by case in sequence order, without payloads. */
    @GetMapping("/events.csv")
    ResponseEntity<StreamingResponseBody> events() {
        Mac pseudonyms = masterKey.mac(CORRELATION_PSEUDONYMS);
        return download("events.csv", "text/csv", out -> text(out, writer -> {
            Csv.row(writer, List.of("referral_id", "sequence", "event_type", "occurred_at", "recorded_at",
                    "actor_role", "correlation_pseudonym"));
            forEachCaseEvent(event -> {
                try {
                    Csv.row(writer, List.of(event.getAggregateIdentifier(), event.getSequenceNumber(), type(event),
                            String.valueOf(occurredAt(event)), event.getTimestamp(), role(event),
                            pseudonym(pseudonyms, event.getMetaData().get(AuditKey.CORRELATION_ID.key()))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }));
    }

    /** The event log in XES (IEEE 1849): a trace per case in business time, an event per stored event, by role. */
    @GetMapping("/events.xes")
    ResponseEntity<StreamingResponseBody> xes() {
        return download("events.xes", "application/xml", out -> {
            try (Stream<CaseSummary> cases = allCases()) {
                XesLog log = new XesLog(out, "CLW Ledger case histories");
                for (CaseSummary c : (Iterable<CaseSummary>) cases::iterator) {
                    log.trace(c.referralId(), caseEvents(c.referralId()).stream()
                            .map(event -> new XesLog.Entry(type(event), event.getSequenceNumber(), occurredAt(event),
                                    event.getTimestamp(), role(event)))
                            .toList());
                }
                log.end();
            } catch (XMLStreamException e) {
                throw new IOException("The XES export could not be written", e);
            }
        });
    }

    private static String pseudonym(Mac pseudonyms, Object correlationId) {
        if (correlationId == null) {
            return "";
        }
        byte[] mac = pseudonyms.doFinal(correlationId.toString().getBytes(StandardCharsets.UTF_8));
        return "c-" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, PSEUDONYM_BYTES));
    }

    private void forEachCaseEvent(Consumer<DomainEventMessage<?>> action) {
        try (Stream<CaseSummary> cases = allCases()) {
            cases.forEach(c -> caseEvents(c.referralId()).forEach(action));
        }
    }

    private List<DomainEventMessage<?>> caseEvents(String referralId) {
        return eventStore.readEvents(referralId, 0).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }

    private Stream<CaseSummary> allCases() {
        return mongo.stream(new Query().with(Sort.by("_id")), CaseSummary.class, CASES);
    }

    private Map<String, SettingView> settings() {
        return mongo.findAll(SettingView.class, SettingView.COLLECTION).stream()
                .collect(Collectors.toMap(SettingView::settingId, setting -> setting));
    }

    private static String type(DomainEventMessage<?> event) {
        return event.getPayloadType().getSimpleName();
    }

    private static Instant occurredAt(DomainEventMessage<?> event) {
        return event.getPayload() instanceof LedgerEvent ledger ? ledger.occurredAt() : event.getTimestamp();
    }

    private static String role(DomainEventMessage<?> event) {
        return String.valueOf(event.getMetaData().getOrDefault(AuditKey.ACTOR_ROLE.key(), "UNKNOWN"));
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : ProgrammeCalendar.dayOf(instant);
    }

    private interface WriterBody {
        void write(Writer writer) throws IOException;
    }

    private static void text(OutputStream out, WriterBody body) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        body.write(writer);
        writer.flush();
    }

    private static ResponseEntity<StreamingResponseBody> download(String name, String type,
            StreamingResponseBody body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(type))
                .body(body);
    }
}
