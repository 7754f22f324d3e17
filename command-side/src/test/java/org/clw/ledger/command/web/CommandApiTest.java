package org.clw.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.events.AuditKey;
import org.clw.ledger.events.appointment.AppointmentAttended;
import org.clw.ledger.events.appointment.AppointmentBooked;
import org.clw.ledger.events.appointment.AppointmentCancelled;
import org.clw.ledger.events.appointment.CancellationReason;
import org.clw.ledger.events.directory.EntryProposed;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.ProposalAccepted;
import org.clw.ledger.events.directory.ProposalDeclined;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.referral.CaseClosed;
import org.clw.ledger.events.referral.ClosureReason;
import org.clw.ledger.events.referral.LinksWorkerAllocated;
import org.clw.ledger.events.referral.OnwardReferralMade;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OnwardReferralOutcomeRecorded;
import org.clw.ledger.events.referral.OutcomeCorrectionReason;
import org.clw.ledger.events.referral.OutcomeMeasureRecorded;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.setting.Hscp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A case from referral to closure through the REST command API, and the events it leaves in the store. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:command-api;DB_CLOSE_DELAY=-1",
        "clw.registry.lock-timeout=1s"})
@AutoConfigureMockMvc
class CommandApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    javax.sql.DataSource registry;

    /** The demo users' part of the programme: registering it again is harmless, so every test may. */
    private static final String DEMO_MANAGERS_PRACTICE = "gp-40001";
    private static final String DEMO_WORKER = "lw-001";

    String suffix;

    @BeforeEach
    void uniqueIds() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_case_runs_from_referral_to_closure_and_every_event_carries_its_audit_metadata() throws Exception {
        String setting = DEMO_MANAGERS_PRACTICE;
        String worker = DEMO_WORKER;
        String referral = "ref-" + suffix;
        registerSettingAndWorker(setting, worker);
        String participant = registerParticipant();

        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        as("worker", post("/api/referrals"), """
                {"referralId":"%s","participantId":"%s","settingId":"%s","needs":["HOUSING","DEBT"],
                 "primaryNeed":"DEBT","route":"GP","consentRecorded":true,"receivedAt":"%s"}"""
                .formatted(referral, participant, setting, lastWeek), "corr-" + suffix)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/cases/" + referral))
                .andExpect(jsonPath("$.id").value(referral))
                .andExpect(jsonPath("$.version").value(0));
        as("manager", post("/api/referrals/{id}/acceptance", referral), null, "corr-" + suffix)
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.version").value(1));
        as("manager", post("/api/referrals/{id}/allocation", referral), """
                {"workerId":"%s"}""".formatted(worker), "corr-" + suffix)
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.version").value(2));
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant nextWeek = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        as("worker", post("/api/referrals/{id}/appointments", referral), """
                {"appointmentId":"first","start":"%s","durationMinutes":45,"mode":"IN_PERSON"}""".formatted(yesterday),
                "corr-" + suffix)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value("first"));
        as("worker", post("/api/referrals/{id}/appointments", referral), """
                {"appointmentId":"second","start":"%s","durationMinutes":45,"mode":"PHONE"}""".formatted(nextWeek),
                "corr-" + suffix).andExpect(status().isCreated());
        as("worker", post("/api/referrals/{id}/appointments/first/attendance", referral), """
                {"attendance":"ATTENDED"}""", "corr-" + suffix).andExpect(status().isAccepted());
        as("worker", post("/api/referrals/{id}/outcome-measures", referral), """
                {"instrument":"SWEMWBS","timepoint":"BASELINE","answers":[3,3,2,4,3,2,3],"mode":"SELF"}""",
                "corr-" + suffix).andExpect(status().isCreated());
        as("worker", post("/api/referrals/{id}/closure", referral), """
                {"reason":"GOALS_MET"}""", "corr-" + suffix)
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.version").value(8));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(referral, 0).asStream().toList();
        assertThat(events).extracting(event -> (Class) event.getPayloadType()).containsExactly(
                ReferralReceived.class, ReferralAccepted.class, LinksWorkerAllocated.class, AppointmentBooked.class,
                AppointmentBooked.class, AppointmentAttended.class, OutcomeMeasureRecorded.class,
                AppointmentCancelled.class, CaseClosed.class);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getMetaData()).containsKeys("actorId", "actorRole", "correlationId", "causationId",
                    "commandName", "requestId");
            assertThat(event.getMetaData().get("correlationId")).isEqualTo("corr-" + suffix);
            // A key stored but not declared would be neither hashed nor knowingly left out of the hash.
            assertThat(AuditKey.all()).containsAll(event.getMetaData().keySet());
        });
        assertThat(events.get(0).getMetaData())
                .containsEntry("actorId", "worker")
                .containsEntry("actorRole", "LINKS_WORKER")
                .containsEntry("commandName", "CreateReferral");
        assertThat(events.get(2).getMetaData())
                .containsEntry("actorId", "manager")
                .containsEntry("actorRole", "SERVICE_MANAGER")
                .containsEntry("commandName", "AllocateLinksWorker");
        // The closure's reason is in its event and nowhere else; its cancellation says CASE_CLOSED in its own payload
        // and names the closing command as its cause.
        assertThat(events.get(7).getMetaData())
                .containsEntry("commandName", "CloseCase")
                .doesNotContainKey("reason")
                .containsEntry("causationId", events.get(8).getMetaData().get("causationId"));
        assertThat(((AppointmentCancelled) events.get(7).getPayload()).reason())
                .isEqualTo(CancellationReason.CASE_CLOSED);
        assertThat(events.get(8).getMetaData()).doesNotContainKey("reason");
        assertThat(((CaseClosed) events.get(8).getPayload()).reason()).isEqualTo(ClosureReason.GOALS_MET);
        assertThat(events.get(0).getMetaData().get("requestId"))
                .isNotEqualTo(events.get(1).getMetaData().get("requestId"));
    }

    @Test
    void an_appointment_before_the_referral_was_received_is_a_409_naming_the_rule() throws Exception {
        String referral = allocatedCase(Instant.parse("2026-03-02T09:00:00Z"));
        as("worker", post("/api/referrals/{id}/appointments", referral), """
                {"appointmentId":"early","start":"2026-03-01T10:00:00Z","durationMinutes":45,"mode":"PHONE"}""",
                null)
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(
                        "An appointment cannot start before the referral was received (2026-03-02T09:00:00Z)"));
        as("worker", post("/api/referrals/{id}/appointments", referral), """
                {"appointmentId":"later","start":"2026-03-03T10:00:00Z","durationMinutes":45,"mode":"PHONE"}""",
                null).andExpect(status().isCreated());
        as("worker", post("/api/referrals/{id}/appointments/later/reschedule", referral), """
                {"start":"2026-03-02T08:00:00Z"}""", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(
                        "An appointment cannot start before the referral was received (2026-03-02T09:00:00Z)"));
        assertThat(eventStore.readEvents(referral, 0).asStream().toList())
                .extracting(event -> (Class) event.getPayloadType()).containsExactly(ReferralReceived.class, ReferralAccepted.class, LinksWorkerAllocated.class,
                        AppointmentBooked.class);
    }

    @Test
    void changing_an_onward_referrals_outcome_after_closure_needs_a_reason_and_is_stored_as_a_correction()
            throws Exception {
        String referral = allocatedCase(Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        as("worker", post("/api/referrals/{id}/onward-referrals", referral), """
                {"onwardReferralId":"onw-1","organisation":"Citizens Advice","need":"DEBT","kind":"REFERRAL"}""",
                null).andExpect(status().isCreated());
        as("worker", post("/api/referrals/{id}/closure", referral), "{\"reason\":\"REFERRED_ON\"}", null)
                .andExpect(status().isAccepted());
        as("worker", post("/api/referrals/{id}/onward-referrals/onw-1/outcome", referral),
                "{\"outcome\":\"TAKEN_UP\"}", null).andExpect(status().isAccepted());

        as("worker", post("/api/referrals/{id}/onward-referrals/onw-1/outcome", referral),
                "{\"outcome\":\"NOT_TAKEN_UP\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("correctionReason"));
        as("worker", post("/api/referrals/{id}/onward-referrals/onw-1/outcome", referral),
                "{\"outcome\":\"NOT_TAKEN_UP\",\"correctionReason\":\"RECORDED_IN_ERROR\"}", null)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.version").value(6));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(referral, 0).asStream().toList();
        assertThat(events).hasSize(7);
        OnwardReferralOutcomeRecorded first = (OnwardReferralOutcomeRecorded) events.get(5).getPayload();
        assertThat(first.outcome()).isEqualTo(OnwardReferralOutcome.TAKEN_UP);
        assertThat(first.correctionReason()).isNull();
        OnwardReferralOutcomeRecorded correction = (OnwardReferralOutcomeRecorded) events.get(6).getPayload();
        assertThat(correction.outcome()).isEqualTo(OnwardReferralOutcome.NOT_TAKEN_UP);
        assertThat(correction.correctionReason()).isEqualTo(OutcomeCorrectionReason.RECORDED_IN_ERROR);
        // The correction's reason is in its payload, and only there.
        assertThat(events.get(6).getMetaData()).doesNotContainKey("reason")
                .containsEntry("commandName", "RecordOnwardReferralOutcome");
    }

    @Test
    void an_onward_referral_names_a_directory_service_that_serves_the_case_or_is_a_problem_naming_the_field()
            throws Exception {
        String referral = allocatedCase(Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        String organisation = "org-" + suffix;
        as("admin", post("/api/directory/organisations"), """
                {"organisationId":"%s","name":"Eastfield Advice (fictional)","kind":"ADVICE_SERVICE"}"""
                .formatted(organisation), null).andExpect(status().isCreated());
        String glasgow = service(organisation, "gla", "\"areas\":[\"GLASGOW_CITY\"]");
        String westDunbartonshire = service(organisation, "wd", "\"areas\":[\"WEST_DUNBARTONSHIRE\"]");
        String withdrawn = service(organisation, "old", "\"programmeWide\":true");
        as("admin", post("/api/directory/services/{id}/withdrawal", withdrawn), null, null)
                .andExpect(status().isAccepted());

        String[][] refused = {
                {"\"need\":\"DEBT\",\"kind\":\"REFERRAL\"", "400", "serviceId"},
                {"\"serviceId\":\"%s\",\"organisation\":\"Eastfield\",\"need\":\"DEBT\",\"kind\":\"REFERRAL\""
                        .formatted(glasgow), "400", "organisation"},
                {"\"organisation\":\" \",\"need\":\"DEBT\",\"kind\":\"REFERRAL\"", "400", "organisation"},
                {"\"serviceId\":\"svc-none-%s\",\"need\":\"DEBT\",\"kind\":\"REFERRAL\"".formatted(suffix),
                        "400", "serviceId"},
                {"\"serviceId\":\"%s\",\"need\":\"DEBT\",\"kind\":\"REFERRAL\"".formatted(westDunbartonshire),
                        "400", "serviceId"},
                {"\"serviceId\":\"%s\",\"need\":\"DEBT\",\"kind\":\"ACCOMPANIED\"".formatted(glasgow),
                        "400", "kind"},
                {"\"serviceId\":\"%s\",\"need\":\"HOUSING\",\"kind\":\"REFERRAL\"".formatted(glasgow),
                        "400", "need"},
                {"\"serviceId\":\"%s\",\"need\":\"DEBT\",\"kind\":\"REFERRAL\"".formatted(withdrawn),
                        "409", null}};
        for (String[] request : refused) {
            ResultActions answer = as("worker", post("/api/referrals/{id}/onward-referrals", referral),
                    "{" + request[0] + "}", null)
                    .andDo(result -> assertThat(result.getResponse().getStatus()).as(request[0])
                            .isEqualTo(Integer.parseInt(request[1])))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
            if (request[2] != null) {
                answer.andExpect(jsonPath("$.errors[0].field").value(request[2]));
            } else {
                answer.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("withdrawn")));
            }
        }
        as("worker", post("/api/referrals/{id}/onward-referrals", referral), """
                {"onwardReferralId":"onw-1","serviceId":"%s","need":"DEBT","kind":"REFERRAL"}""".formatted(glasgow),
                null).andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(3));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(referral, 0).asStream().toList();
        assertThat(events).hasSize(4);
        OnwardReferralMade made = (OnwardReferralMade) events.get(3).getPayload();
        assertThat(made.service()).isEqualTo(new ServiceId(glasgow));
        assertThat(made.serviceOrganisation()).isEqualTo(new OrganisationId(organisation));
        assertThat(made.organisation()).isNull();
    }

    /** A debt service taking referrals, with these areas (JSON members). */
    private String service(String organisation, String name, String areas) throws Exception {
        String id = "svc-" + name + "-" + suffix;
        as("admin", post("/api/directory/services"), """
                {"serviceId":"%s","organisationId":"%s","name":"Debt advice %s","needs":["DEBT"],%s,
                 "linkModes":["SIGNPOST","REFERRAL"]}""".formatted(id, organisation, name, areas), null)
                .andExpect(status().isCreated());
        return id;
    }

    @Test
    void a_worker_proposes_a_new_directory_entry_and_a_manager_of_its_area_accepts_it_for_a_service_they_keep() throws Exception {
        String proposal = "prop-" + suffix;
        registerSettingAndWorker(DEMO_MANAGERS_PRACTICE, DEMO_WORKER);
        String body = """
                {"proposalId":"%s","organisationName":"Riverside Repair Cafe (fictional)","serviceName":"Repair cafe",
                 "description":"Fix household things together","needs":["LONELINESS_ISOLATION"],
                 "areas":["GLASGOW_CITY"],"linkModes":["SIGNPOST"]}""".formatted(proposal);
        as("evaluator", post("/api/directory/proposals"), body, null).andExpect(status().isForbidden());
        as("worker", post("/api/directory/proposals"), body.replace("\"organisationName\":\"Riverside Repair Cafe "
                + "(fictional)\",", ""), null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("organisationName"));
        as("worker", post("/api/directory/proposals"), body.replace("\"serviceName\":\"Repair cafe\"",
                "\"serviceName\":\" \""), null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("serviceName"));
        as("worker", post("/api/directory/proposals"), body, null)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/directory/proposals/" + proposal));
        as("worker", post("/api/directory/proposals"), body, null).andExpect(status().isCreated());

        as("worker", post("/api/directory/proposals/{id}/decline", proposal), """
                {"reason":"OTHER"}""", null).andExpect(status().isForbidden());
        as("manager", post("/api/directory/proposals/{id}/acceptance", proposal), """
                {"serviceId":"svc-none-%s"}""".formatted(suffix), null).andExpect(status().isConflict());
        String organisation = "org-" + suffix;
        as("manager", post("/api/directory/organisations"), """
                {"organisationId":"%s","name":"Riverside Repair Cafe (fictional)","kind":"COMMUNITY_GROUP"}"""
                .formatted(organisation), null).andExpect(status().isCreated());
        String elsewhere = service(organisation, "elsewhere", "\"areas\":[\"WEST_DUNBARTONSHIRE\"]");
        as("manager", post("/api/directory/proposals/{id}/acceptance", proposal), """
                {"serviceId":"%s"}""".formatted(elsewhere), null).andExpect(status().isForbidden());
        String added = service(organisation, "repair", "\"areas\":[\"GLASGOW_CITY\"]");
        as("manager", post("/api/directory/proposals/{id}/acceptance", proposal), """
                {"serviceId":"%s"}""".formatted(added), null)
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.version").value(1));
        as("manager", post("/api/directory/proposals/{id}/decline", proposal), """
                {"reason":"OTHER"}""", null).andExpect(status().isConflict());
        as("admin", post("/api/directory/proposals/prop-none-{id}/decline", suffix), """
                {"reason":"OTHER"}""", null).andExpect(status().isNotFound());
        List<Object> stored = eventStore.readEvents(proposal, 0).asStream().<Object>map(DomainEventMessage::getPayload)
                .toList();
        assertThat(stored).hasSize(2);
        assertThat(((EntryProposed) stored.get(0)).offer()).isEqualTo(new ServiceOffer("Repair cafe",
                "Fix household things together", Set.of(Need.LONELINESS_ISOLATION), Set.of(Hscp.GLASGOW_CITY), false,
                Set.of(OnwardReferralKind.SIGNPOST)));
        assertThat(((ProposalAccepted) stored.get(1)).service()).isEqualTo(new ServiceId(added));
    }

    @Test
    void a_programme_wide_proposal_is_decided_by_an_admin_not_a_manager() throws Exception {
        String proposal = "prop-" + suffix;
        as("manager", post("/api/directory/proposals"), """
                {"proposalId":"%s","organisationName":"Helpline (fictional)","serviceName":"Helpline",
                 "needs":["DEBT"],"programmeWide":true,"linkModes":["SIGNPOST"]}""".formatted(proposal), null)
                .andExpect(status().isCreated());
        as("manager", post("/api/directory/proposals/{id}/decline", proposal), """
                {"reason":"ALREADY_IN_DIRECTORY"}""", null).andExpect(status().isForbidden());
        as("admin", post("/api/directory/proposals/{id}/decline", proposal), """
                {"reason":"MAYBE"}""", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        as("admin", post("/api/directory/proposals/{id}/decline", proposal), """
                {"reason":"ALREADY_IN_DIRECTORY"}""", null).andExpect(status().isAccepted());
        assertThat(eventStore.readEvents(proposal, 0).asStream().map(DomainEventMessage::getPayload).toList())
                .hasSize(2).last().isInstanceOf(ProposalDeclined.class);
    }

    /** A new case at the demo manager's practice, received at the given time, accepted and allocated. */
    private String allocatedCase(Instant receivedAt) throws Exception {
        registerSettingAndWorker(DEMO_MANAGERS_PRACTICE, DEMO_WORKER);
        String referral = "ref-" + suffix;
        as("worker", post("/api/referrals"), """
                {"referralId":"%s","participantId":"%s","settingId":"%s","needs":["DEBT"],"primaryNeed":"DEBT",
                 "route":"SELF","consentRecorded":true,"receivedAt":"%s"}""".formatted(referral,
                registerParticipant(), DEMO_MANAGERS_PRACTICE, receivedAt), null).andExpect(status().isCreated());
        as("manager", post("/api/referrals/{id}/acceptance", referral), null, null).andExpect(status().isAccepted());
        as("manager", post("/api/referrals/{id}/allocation", referral), """
                {"workerId":"%s"}""".formatted(DEMO_WORKER), null).andExpect(status().isAccepted());
        return referral;
    }

    @Test
    void the_actor_comes_from_the_login_never_from_the_request_body() throws Exception {
        String setting = "gp-" + suffix;
        as("admin", post("/api/settings"), """
                {"settingId":"%s","name":"Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY",
                 "actorId":"somebody-else","actorRole":"AUDITOR"}""".formatted(setting), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actorId"));
        as("admin", post("/api/settings"), """
                {"settingId":"%s","name":"Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}""".formatted(setting),
                null).andExpect(status().isCreated());
        assertThat(eventStore.readEvents(setting, 0).next().getMetaData())
                .containsEntry("actorId", "admin").containsEntry("actorRole", "ADMIN");
    }

    @Test
    void repeating_a_creation_is_harmless_and_a_different_payload_under_the_same_id_is_a_conflict()
            throws Exception {
        String body = """
                {"settingId":"fb-%s","name":"North Foodbank","type":"FOODBANK","hscp":"GLASGOW_CITY"}"""
                .formatted(suffix);
        as("admin", post("/api/settings"), body, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(0));
        as("admin", post("/api/settings"), body, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(0));
        as("admin", post("/api/settings"), body.replace("North", "South"), null)
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Setting fb-%s already exists with different content"
                        .formatted(suffix)));
        assertThat(eventStore.readEvents("fb-" + suffix, 0).asStream().count()).isEqualTo(1);
    }

    @Test
    void a_command_decided_on_a_stale_version_is_a_409_and_changes_nothing() throws Exception {
        String setting = DEMO_MANAGERS_PRACTICE;
        String worker = DEMO_WORKER;
        String referral = "ref-" + suffix;
        registerSettingAndWorker(setting, worker);
        String participant = registerParticipant();
        as("worker", post("/api/referrals"), """
                {"referralId":"%s","participantId":"%s","settingId":"%s","needs":["DEBT"],"primaryNeed":"DEBT",
                 "route":"SELF","consentRecorded":true}""".formatted(referral, participant, setting), null)
                .andExpect(header().string("ETag", "\"0\""));
        as("manager", post("/api/referrals/{id}/acceptance", referral).header("If-Match", "\"0\""), null, null)
                .andExpect(status().isAccepted())
                .andExpect(header().string("ETag", "\"1\""));
        as("manager", post("/api/referrals/{id}/allocation", referral).header("If-Match", "\"0\""), """
                {"workerId":"%s"}""".formatted(worker), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(
                        "It is at version 1, not the version 0 the request expected (If-Match); read it again and retry"));
        assertThat(eventStore.readEvents(referral, 0).asStream().count()).isEqualTo(2);
        as("manager", post("/api/referrals/{id}/allocation", referral).header("If-Match", "\"1\""), """
                {"workerId":"%s"}""".formatted(worker), null)
                .andExpect(status().isAccepted());
        as("manager", post("/api/referrals/{id}/closure", referral).header("If-Match", "banana"), """
                {"reason":"OTHER"}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
    }

    @Test
    void every_command_is_timed_by_name_and_outcome() throws Exception {
        registerSettingAndWorker(DEMO_MANAGERS_PRACTICE, DEMO_WORKER);
        long accepted = commandCount("AcceptReferral", "accepted");
        long refused = commandCount("AcceptReferral", "refused");
        String referral = "ref-" + suffix;
        as("worker", post("/api/referrals"), """
                {"referralId":"%s","participantId":"%s","settingId":"%s","needs":["DEBT"],"primaryNeed":"DEBT",
                 "route":"SELF","consentRecorded":true}""".formatted(referral, registerParticipant(),
                DEMO_MANAGERS_PRACTICE), null).andExpect(status().isCreated());
        as("manager", post("/api/referrals/{id}/acceptance", referral), null, null).andExpect(status().isAccepted());
        as("manager", post("/api/referrals/{id}/acceptance", referral), null, null).andExpect(status().isConflict());

        assertThat(commandCount("AcceptReferral", "accepted")).isEqualTo(accepted + 1);
        assertThat(commandCount("AcceptReferral", "refused")).isEqualTo(refused + 1);
        assertThat(meters.get("clw.commands").tags("command", "CreateReferral", "outcome", "accepted").timer()
                .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }

    private long commandCount(String command, String outcome) {
        var timer = meters.find("clw.commands").tags("command", command, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void an_allocation_that_waits_too_long_for_the_worker_s_row_is_a_409_to_retry_and_changes_nothing()
            throws Exception {
        registerSettingAndWorker(DEMO_MANAGERS_PRACTICE, DEMO_WORKER);
        String referral = "ref-" + suffix;
        as("worker", post("/api/referrals"), """
                {"referralId":"%s","participantId":"%s","settingId":"%s","needs":["DEBT"],"primaryNeed":"DEBT",
                 "route":"SELF","consentRecorded":true,"receivedAt":"%s"}""".formatted(referral,
                registerParticipant(), DEMO_MANAGERS_PRACTICE, Instant.now().minus(1, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)), null).andExpect(status().isCreated());
        as("manager", post("/api/referrals/{id}/acceptance", referral), null, null).andExpect(status().isAccepted());

        // Another transaction holds the worker's row, as a concurrent allocation to the same worker would.
        try (java.sql.Connection other = registry.getConnection()) {
            other.setAutoCommit(false);
            try (var statement = other.prepareStatement(
                    "SELECT capacity FROM registry_worker WHERE worker_id = ? FOR UPDATE")) {
                statement.setString(1, DEMO_WORKER);
                assertThat(statement.executeQuery().next()).isTrue();
            }
            as("manager", post("/api/referrals/{id}/allocation", referral), """
                    {"workerId":"%s"}""".formatted(DEMO_WORKER), null)
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(
                            "Another command is changing the same records at this moment; retry"));
            other.rollback();
        }
        assertThat(eventStore.readEvents(referral, 0).asStream().map(event -> event.getPayloadType().getSimpleName()))
                .doesNotContain(LinksWorkerAllocated.class.getSimpleName());
    }

    @Test
    void the_server_numbers_participants_when_the_client_does_not() throws Exception {
        String first = registerParticipant();
        String second = registerParticipant();
        assertThat(first).matches("P\\d{6}");
        assertThat(Long.parseLong(second.substring(1))).isGreaterThan(Long.parseLong(first.substring(1)));
    }

    private void registerSettingAndWorker(String setting, String worker) throws Exception {
        as("admin", post("/api/settings"), """
                {"settingId":"%s","name":"Parkhead Health Centre","type":"GP_PRACTICE","hscp":"GLASGOW_CITY",
                 "practiceCode":"46110","deepEnd":true}""".formatted(setting), null).andExpect(status().isCreated());
        as("manager", post("/api/links-workers"), """
                {"workerId":"%s","name":"Alex Worker","settings":["%s"],"capacity":500}""".formatted(worker, setting),
                null).andExpect(status().isCreated());
    }

    private String registerParticipant() throws Exception {
        String response = as("worker", post("/api/participants"), """
                {"personalDetails":{"givenName":"Morag","familyName":"Fakename","chiNumber":"0101011237",
                  "dateOfBirth":"2001-01-01","postcode":"G31 4AB"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_25_34","simdDecile":1}}""", null)
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return response.replaceAll(".*\"id\":\"(P\\d+)\".*", "$1");
    }

    private ResultActions as(String user,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json,
            String correlationId) throws Exception {
        request.with(httpBasic(user, user + "-demo"));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return mvc.perform(request);
    }
}
