package org.clw.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.clw.ledger.events.directory.EntryProposed;
import org.clw.ledger.events.directory.OrganisationChanged;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.OrganisationKind;
import org.clw.ledger.events.directory.OrganisationProfile;
import org.clw.ledger.events.directory.OrganisationRegistered;
import org.clw.ledger.events.directory.ProposalAccepted;
import org.clw.ledger.events.directory.ProposalDeclineReason;
import org.clw.ledger.events.directory.ProposalDeclined;
import org.clw.ledger.events.directory.ProposalId;
import org.clw.ledger.events.directory.ServiceAdded;
import org.clw.ledger.events.directory.ServiceChanged;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.directory.ServiceReopened;
import org.clw.ledger.events.directory.ServiceWithdrawn;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingRegistered;
import org.clw.ledger.events.setting.SettingType;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The community directory's read models, built by the real processor from a hand-written directory history and read
 * through the query API by every role; then re-delivered and replayed.
 */
@SpringBootTest(classes = QuerySideApplication.class,
        // A context of its own: the test framework pauses a shared one between classes, and Axon cannot restart.
        properties = {"axon.axonserver.enabled=false", "clw.mongo.embedded=memory", "clw.test.context=directory"})
@Import(InMemoryEvents.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryReadModelTest {

    static final List<String> COLLECTIONS = List.of("directory_organisations", "directory_services",
            "directory_proposals");
    static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");
    static final OrganisationId ADVICE = new OrganisationId("org-advice");
    static final OrganisationId LUNCH = new OrganisationId("org-lunch");
    static final Set<OnwardReferralKind> SIGNPOST = Set.of(OnwardReferralKind.SIGNPOST);

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    MongoOperations mongo;

    @BeforeAll
    void publishTheDirectory() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        InMemoryEvents.append(events, "Organisation", ADVICE.value(), 0,
                new OrganisationRegistered(ADVICE, new OrganisationProfile("Eastfield Advice", OrganisationKind.ADVICE_SERVICE,
                        "https://advice.example.org", null, null), T0),
                new OrganisationChanged(ADVICE, new OrganisationProfile("Eastfield Money Advice",
                        OrganisationKind.ADVICE_SERVICE, "https://advice.example.org", "0141 496 0000", null),
                        T0.plusSeconds(60)));
        InMemoryEvents.append(events, "Organisation", LUNCH.value(), 0,
                new OrganisationRegistered(LUNCH, new OrganisationProfile("Clydebank Lunch Club",
                        OrganisationKind.COMMUNITY_GROUP, null, null, null), T0));
        InMemoryEvents.append(events, "Service", "svc-debt", 0,
                new ServiceAdded(new ServiceId("svc-debt"), ADVICE, new ServiceOffer("Debt clinic",
                        "Weekly drop-in for money worries", Set.of(Need.DEBT), Set.of(Hscp.GLASGOW_CITY), false,
                        Set.of(OnwardReferralKind.REFERRAL)), T0),
                new ServiceChanged(new ServiceId("svc-debt"), ADVICE, new ServiceOffer("Debt clinic",
                        "Drop-in and phone appointments for money worries", Set.of(Need.DEBT, Need.FINANCES_BENEFITS),
                        Set.of(Hscp.GLASGOW_CITY), false, Set.of(OnwardReferralKind.REFERRAL)), T0.plusSeconds(120)));
        InMemoryEvents.append(events, "Service", "svc-helpline", 0,
                new ServiceAdded(new ServiceId("svc-helpline"), ADVICE, new ServiceOffer("Benefits helpline",
                        "Phone advice", Set.of(Need.FINANCES_BENEFITS, Need.DEBT), Set.of(), true, SIGNPOST), T0));
        InMemoryEvents.append(events, "Service", "svc-old-debt", 0,
                new ServiceAdded(new ServiceId("svc-old-debt"), ADVICE, new ServiceOffer("Anchor debt surgery",
                        "Closed surgery", Set.of(Need.DEBT), Set.of(Hscp.GLASGOW_CITY), false, SIGNPOST), T0),
                new ServiceWithdrawn(new ServiceId("svc-old-debt"), ADVICE, T0.plusSeconds(300)));
        InMemoryEvents.append(events, "Service", "svc-lunch", 0,
                new ServiceAdded(new ServiceId("svc-lunch"), LUNCH, new ServiceOffer("Friday lunch",
                        "A warm meal and company", Set.of(Need.LONELINESS_ISOLATION, Need.FOOD_INSECURITY),
                        Set.of(Hscp.WEST_DUNBARTONSHIRE), false, Set.of(OnwardReferralKind.ACCOMPANIED)), T0),
                new ServiceWithdrawn(new ServiceId("svc-lunch"), LUNCH, T0.plusSeconds(400)),
                new ServiceReopened(new ServiceId("svc-lunch"), LUNCH, T0.plusSeconds(500)));
        // The manager manages gp-40001, in Glasgow; proposals by the worker, the manager and others.
        InMemoryEvents.append(events, "Setting", "gp-40001", 0, new SettingRegistered(new SettingId("gp-40001"),
                "Test practice", SettingType.GP_PRACTICE, Hscp.GLASGOW_CITY, "40001", true, T0));
        proposal(events, "prop-a", "worker", Set.of(Hscp.GLASGOW_CITY), T0.plusSeconds(10));
        proposal(events, "prop-b", "someone", Set.of(Hscp.WEST_DUNBARTONSHIRE), T0.plusSeconds(20),
                new ProposalDeclined(new ProposalId("prop-b"), ProposalDeclineReason.ALREADY_IN_DIRECTORY,
                        T0.plusSeconds(600)));
        proposal(events, "prop-c", "someone", Set.of(Hscp.GLASGOW_CITY), T0.plusSeconds(30),
                new ProposalAccepted(new ProposalId("prop-c"), new ServiceId("svc-debt"), T0.plusSeconds(700)));
        proposal(events, "prop-d", "manager", Set.of(), T0.plusSeconds(40));
        eventStore.publish(events);
        InMemoryEvents.awaitCaughtUp(progress, processing);
    }

    /** A proposal by a login (its audit metadata's actor), and what became of it. */
    private static void proposal(List<DomainEventMessage<?>> events, String id, String actor, Set<Hscp> areas,
            Instant at, Object... decisions) {
        events.add(new GenericDomainEventMessage<>("Proposal", id, 0, new EntryProposed(new ProposalId(id),
                "Repair Cafe " + id, new ServiceOffer("Repair cafe", "Fix things together",
                Set.of(Need.LONELINESS_ISOLATION), areas, areas.isEmpty(), SIGNPOST), at),
                Map.of("actorId", actor, "actorRole", "LINKS_WORKER")));
        InMemoryEvents.append(events, "Proposal", id, 1, decisions);
    }

    @Test
    void whoever_proposed_sees_their_own_a_manager_those_for_their_areas_an_admin_all() throws Exception {
        query("/api/directory/proposals", "worker")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].proposalId", contains("prop-a")))
                .andExpect(jsonPath("$.items[0].state").value("OPEN"))
                .andExpect(jsonPath("$.items[0].proposedBy").value("worker"));
        query("/api/directory/proposals", "manager")
                .andExpect(jsonPath("$.items[*].proposalId", contains("prop-a", "prop-c", "prop-d")));
        query("/api/directory/proposals?state=OPEN", "admin")
                .andExpect(jsonPath("$.items[*].proposalId", contains("prop-a", "prop-d")))
                .andExpect(jsonPath("$.totalItems").value(2));
        query("/api/directory/proposals?state=ACCEPTED", "manager")
                .andExpect(jsonPath("$.items[*].serviceId", contains("svc-debt")));
        query("/api/directory/proposals/prop-b", "admin")
                .andExpect(jsonPath("$.state").value("DECLINED"))
                .andExpect(jsonPath("$.declineReason").value("ALREADY_IN_DIRECTORY"));
        query("/api/directory/proposals/prop-b", "worker").andExpect(status().isNotFound());
        query("/api/directory/proposals", "evaluator").andExpect(status().isForbidden());
        query("/api/directory/proposals", "auditor").andExpect(status().isForbidden());
        query("/api/directory/proposals?state=MAYBE", "admin").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        query("/api/directory/proposals?size=201", "admin").andExpect(status().isBadRequest());
    }

    @Test
    void services_are_searched_by_need_and_area_open_ones_first_programme_wide_ones_everywhere() throws Exception {
        query("/api/directory/services?need=DEBT&area=GLASGOW_CITY", "evaluator")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].serviceId", contains("svc-helpline", "svc-debt", "svc-old-debt")))
                .andExpect(jsonPath("$.items[*].open", contains(true, true, false)))
                .andExpect(jsonPath("$.items[0].organisationName").value("Eastfield Money Advice"))
                .andExpect(jsonPath("$.totalItems").value(3));
        query("/api/directory/services?need=DEBT&area=WEST_DUNBARTONSHIRE", "worker")
                .andExpect(jsonPath("$.items[*].serviceId", contains("svc-helpline")));
        query("/api/directory/services?area=WEST_DUNBARTONSHIRE&open=true", "auditor")
                .andExpect(jsonPath("$.items[*].serviceId", contains("svc-helpline", "svc-lunch")));
    }

    @Test
    void services_are_searched_by_words_in_their_name_or_description_whatever_the_capitals() throws Exception {
        query("/api/directory/services?q=MONEY phone", "manager")
                .andExpect(jsonPath("$.items[*].serviceId", contains("svc-debt")));
        query("/api/directory/services?q=meal", "worker")
                .andExpect(jsonPath("$.items[*].serviceId", contains("svc-lunch")));
        query("/api/directory/services?q=.*", "worker").andExpect(jsonPath("$.items", empty()));
    }

    @Test
    void services_are_paged() throws Exception {
        query("/api/directory/services?size=2&page=1", "admin")
                .andExpect(jsonPath("$.items[*].serviceId", contains("svc-lunch", "svc-old-debt")))
                .andExpect(jsonPath("$.totalItems").value(4))
                .andExpect(jsonPath("$.totalPages").value(2));
        query("/api/directory/services?organisation=org-lunch", "admin")
                .andExpect(jsonPath("$.items[*].serviceId", contains("svc-lunch")));
    }

    @Test
    void a_service_shows_its_offer_now_and_each_change_it_went_through() throws Exception {
        query("/api/directory/services/svc-debt", "evaluator")
                .andExpect(jsonPath("$.needs", contains("FINANCES_BENEFITS", "DEBT")))
                .andExpect(jsonPath("$.description").value("Drop-in and phone appointments for money worries"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.history[*].change", contains("ADDED", "CHANGED")))
                .andExpect(jsonPath("$.history[0].needs", contains("DEBT")));
        query("/api/directory/services/svc-lunch", "worker")
                .andExpect(jsonPath("$.open").value(true))
                .andExpect(jsonPath("$.history[*].change", contains("ADDED", "WITHDRAWN", "REOPENED")));
        query("/api/directory/services/svc-none", "worker").andExpect(status().isNotFound());
    }

    @Test
    void organisations_are_listed_by_name_and_read_one_by_one() throws Exception {
        query("/api/directory/organisations", "evaluator")
                .andExpect(jsonPath("$.items[*].name", contains("Clydebank Lunch Club", "Eastfield Money Advice")));
        query("/api/directory/organisations?kind=ADVICE_SERVICE&q=money", "worker")
                .andExpect(jsonPath("$.items[*].organisationId", contains("org-advice")));
        query("/api/directory/organisations/org-advice", "worker")
                .andExpect(jsonPath("$.phone").value("0141 496 0000"))
                .andExpect(jsonPath("$.registeredAt").value("2026-02-01T09:00:00Z"))
                .andExpect(jsonPath("$.version").value(1));
        query("/api/directory/organisations/org-none", "worker").andExpect(status().isNotFound());
    }

    @Test
    void bad_search_parameters_are_problems_naming_them() throws Exception {
        for (String[] bad : new String[][] {{"need=NOT_A_NEED", "need"}, {"area=MARS", "area"}, {"size=201", "size"},
                {"q=a b c d e f g h i", "q"}, {"organisation=..%2Fx", "organisation"}}) {
            mvc.perform(get("/api/directory/services?" + bad[0]).with(httpBasic("worker", "worker-demo")))
                    .andDo(result -> assertThat(result.getResponse().getStatus()).as(bad[0]).isEqualTo(400))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(bad[1]));
        }
    }

    @Test
    void re_delivery_and_replay_give_the_same_documents() {
        Map<String, List<String>> before = InMemoryEvents.documents(mongo, COLLECTIONS);
        assertThat(before.get("directory_services")).hasSize(4);
        assertThat(before.get("directory_proposals")).hasSize(4);
        for (StreamingEventProcessor processor : InMemoryEvents.streamingProcessors(processing)) {
            if (processor.getName().equals("directory")) {
                processor.shutDown();
                tokenStore.storeToken(new GlobalSequenceTrackingToken(2), processor.getName(), 0);
                processor.start();
            }
        }
        InMemoryEvents.awaitCaughtUp(progress, processing);
        assertThat(InMemoryEvents.documents(mongo, COLLECTIONS)).isEqualTo(before);
        for (StreamingEventProcessor processor : InMemoryEvents.streamingProcessors(processing)) {
            if (processor.getName().equals("directory")) {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
            }
        }
        InMemoryEvents.awaitCaughtUp(progress, processing);
        assertThat(InMemoryEvents.documents(mongo, COLLECTIONS)).isEqualTo(before);
    }

    private ResultActions query(String uri, String user) throws Exception {
        return mvc.perform(get(uri).with(httpBasic(user, user + "-demo")));
    }
}
