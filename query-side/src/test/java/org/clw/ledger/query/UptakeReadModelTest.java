package org.clw.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The uptake read model of {@link UptakeHistory}, built by the real processors, checked through the API against the
 * figures worked out by hand, field by field; then re-delivered and replayed; and who may ask what.
 */
@SpringBootTest(classes = QuerySideApplication.class,
        // A context of its own: its own history.
        properties = {"axon.axonserver.enabled=false", "clw.mongo.embedded=memory", "clw.test.context=uptake"})
@Import(InMemoryEvents.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UptakeReadModelTest {

    static final String MARCH = "from=2026-03&to=2026-03";

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
    void publishTheHistory() {
        eventStore.publish(UptakeHistory.events());
        InMemoryEvents.awaitCaughtUp(progress, processing);
    }

    @Test
    void per_service_each_referral_and_its_outcome_count_in_the_month_it_was_made() throws Exception {
        query("/api/uptake/services?" + MARCH, "admin")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-03"))
                .andExpect(jsonPath("$.to").value("2026-03"))
                .andExpect(jsonPath("$.suppressedBelow").doesNotExist())
                .andExpect(jsonPath("$.rows.items[*].serviceId", contains("svc-debt", "svc-lunch")))
                .andExpect(jsonPath("$.rows.items[*].serviceName", contains("Debt clinic", "Friday lunch")))
                .andExpect(jsonPath("$.rows.items[*].organisationId", contains("org-advice", "org-lunch")))
                .andExpect(jsonPath("$.rows.items[*].organisationName", contains("Eastfield Advice", "Lunch Club")))
                .andExpect(jsonPath("$.rows.items[0].figures.made").value(2))
                .andExpect(jsonPath("$.rows.items[0].figures.outcomesRecorded").value(2))
                .andExpect(jsonPath("$.rows.items[0].figures.takenUp").value(2))
                .andExpect(jsonPath("$.rows.items[0].figures.notTakenUp").value(0))
                .andExpect(jsonPath("$.rows.items[0].figures.uptakeRate").value(1.0))
                .andExpect(jsonPath("$.rows.items[0].figures.needs.DEBT").value(1))
                .andExpect(jsonPath("$.rows.items[0].figures.needs.FINANCES_BENEFITS").value(1))
                .andExpect(jsonPath("$.rows.items[1].figures.made").value(2))
                .andExpect(jsonPath("$.rows.items[1].figures.outcomesRecorded").value(2))
                .andExpect(jsonPath("$.rows.items[1].figures.takenUp").value(1))
                .andExpect(jsonPath("$.rows.items[1].figures.notTakenUp").value(1))
                .andExpect(jsonPath("$.rows.items[1].figures.uptakeRate").value(0.5))
                .andExpect(jsonPath("$.rows.items[1].figures.needs.LONELINESS_ISOLATION").value(2))
                .andExpect(jsonPath("$.total.made").value(4))
                .andExpect(jsonPath("$.total.outcomesRecorded").value(4))
                .andExpect(jsonPath("$.total.takenUp").value(3))
                .andExpect(jsonPath("$.total.notTakenUp").value(1))
                .andExpect(jsonPath("$.total.uptakeRate").value(0.75))
                .andExpect(jsonPath("$.rows.totalItems").value(2));
    }

    @Test
    void a_longer_period_adds_the_earlier_months_referrals_without_outcomes_and_pages() throws Exception {
        query("/api/uptake/services?from=2026-02&to=2026-03&size=1&page=0", "admin")
                .andExpect(jsonPath("$.rows.items[*].serviceId", contains("svc-benefits")))
                .andExpect(jsonPath("$.rows.items[0].figures.made").value(1))
                .andExpect(jsonPath("$.rows.items[0].figures.outcomesRecorded").value(0))
                .andExpect(jsonPath("$.rows.items[0].figures.uptakeRate").doesNotExist())
                .andExpect(jsonPath("$.rows.totalItems").value(3))
                .andExpect(jsonPath("$.rows.totalPages").value(3))
                .andExpect(jsonPath("$.total.made").value(5))
                .andExpect(jsonPath("$.total.outcomesRecorded").value(4));
        query("/api/uptake/services?from=2026-02&to=2026-02", "admin")
                .andExpect(jsonPath("$.rows.items[*].serviceId", contains("svc-benefits")))
                .andExpect(jsonPath("$.total.made").value(1));
    }

    @Test
    void per_organisation_its_services_together() throws Exception {
        query("/api/uptake/organisations?" + MARCH, "admin")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.items[*].organisationId", contains("org-advice", "org-lunch")))
                .andExpect(jsonPath("$.rows.items[*].organisationName", contains("Eastfield Advice", "Lunch Club")))
                .andExpect(jsonPath("$.rows.items[*].figures.made", contains(2, 2)))
                .andExpect(jsonPath("$.rows.items[*].figures.outcomesRecorded", contains(2, 2)))
                .andExpect(jsonPath("$.rows.items[*].figures.takenUp", contains(2, 1)))
                .andExpect(jsonPath("$.rows.items[*].figures.notTakenUp", contains(0, 1)))
                .andExpect(jsonPath("$.rows.items[0].figures.needs.FINANCES_BENEFITS").value(1))
                .andExpect(jsonPath("$.total.takenUp").value(3));
    }

    @Test
    void an_area_counts_the_cases_of_its_settings() throws Exception {
        query("/api/uptake/services?" + MARCH + "&hscp=GLASGOW_CITY", "admin")
                .andExpect(jsonPath("$.hscp").value("GLASGOW_CITY"))
                .andExpect(jsonPath("$.rows.items[*].serviceId", contains("svc-debt", "svc-lunch")))
                .andExpect(jsonPath("$.rows.items[*].figures.made", contains(2, 1)))
                .andExpect(jsonPath("$.rows.items[*].figures.takenUp", contains(2, 0)))
                .andExpect(jsonPath("$.rows.items[*].figures.notTakenUp", contains(0, 1)));
        query("/api/uptake/services?" + MARCH + "&hscp=WEST_DUNBARTONSHIRE", "admin")
                .andExpect(jsonPath("$.rows.items").isEmpty())
                .andExpect(jsonPath("$.total.made").value(0));
    }

    @Test
    void the_gaps_are_referrals_outside_the_directory_by_area_and_need() throws Exception {
        query("/api/uptake/gaps?" + MARCH, "admin")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gaps[*].hscp", contains("GLASGOW_CITY", "EAST_DUNBARTONSHIRE")))
                .andExpect(jsonPath("$.gaps[*].need", contains("HOUSING", "FOOD_INSECURITY")))
                .andExpect(jsonPath("$.gaps[*].figures.made", contains(1, 1)))
                .andExpect(jsonPath("$.gaps[*].figures.outcomesRecorded", contains(1, 0)))
                .andExpect(jsonPath("$.gaps[*].figures.takenUp", contains(1, 0)))
                .andExpect(jsonPath("$.total.made").value(2));
        query("/api/uptake/gaps?" + MARCH + "&hscp=EAST_DUNBARTONSHIRE", "admin")
                .andExpect(jsonPath("$.gaps[*].need", contains("FOOD_INSECURITY")));
    }

    @Test
    void a_case_shows_its_directory_service_and_organisation_by_name() throws Exception {
        query("/api/cases/U1", "admin")
                .andExpect(jsonPath("$.onwardReferrals[*].serviceId", contains("svc-debt", "svc-lunch", null)))
                .andExpect(jsonPath("$.onwardReferrals[0].serviceName").value("Debt clinic"))
                .andExpect(jsonPath("$.onwardReferrals[0].serviceOrganisationId").value("org-advice"))
                .andExpect(jsonPath("$.onwardReferrals[0].serviceOrganisationName").value("Eastfield Advice"))
                .andExpect(jsonPath("$.onwardReferrals[2].serviceName").doesNotExist());
    }

    @Test
    void evaluators_get_the_figures_under_disclosure_control() throws Exception {
        query("/api/uptake/services?" + MARCH, "evaluator")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressedBelow").value(5))
                .andExpect(jsonPath("$.rows.items[0].figures.made").doesNotExist())
                .andExpect(jsonPath("$.rows.items[0].figures.withheld", hasItem("made")))
                .andExpect(jsonPath("$.rows.items[0].figures.uptakeRate").doesNotExist())
                .andExpect(jsonPath("$.total.made").doesNotExist());
        query("/api/uptake/gaps?" + MARCH, "evaluator")
                .andExpect(jsonPath("$.suppressedBelow").value(5))
                .andExpect(jsonPath("$.gaps[0].figures.made").doesNotExist());
    }

    @Test
    void a_manager_sees_exact_figures_for_an_area_whose_settings_they_all_manage() throws Exception {
        query("/api/uptake/services?" + MARCH + "&hscp=EAST_DUNBARTONSHIRE", "manager")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressedBelow").doesNotExist())
                .andExpect(jsonPath("$.rows.items[*].serviceId", contains("svc-lunch")))
                .andExpect(jsonPath("$.rows.items[0].figures.takenUp").value(1));
        query("/api/uptake/services?" + MARCH + "&hscp=GLASGOW_CITY", "manager")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressedBelow").value(5));
        query("/api/uptake/services?" + MARCH + "&hscp=WEST_DUNBARTONSHIRE", "manager")
                .andExpect(status().isForbidden());
        query("/api/uptake/organisations?" + MARCH, "manager")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hscp"));
    }

    @Test
    void links_workers_and_auditors_may_not_ask() throws Exception {
        for (String endpoint : List.of("services", "organisations", "gaps")) {
            query("/api/uptake/" + endpoint + "?" + MARCH, "worker").andExpect(status().isForbidden());
            query("/api/uptake/" + endpoint + "?" + MARCH, "auditor").andExpect(status().isForbidden());
        }
    }

    @Test
    void a_bad_period_or_page_is_a_problem_naming_the_parameter() throws Exception {
        invalid("/api/uptake/services?from=2026-13&to=2026-03", "from");
        invalid("/api/uptake/services?from=2026-03&to=March", "to");
        invalid("/api/uptake/services?from=2026-04&to=2026-03", "from");
        invalid("/api/uptake/gaps?from=2020-01&to=2026-03", "to");
        invalid("/api/uptake/services?from=2026-03&to=2026-04", "to");
        invalid("/api/uptake/services?from=2025-01&to=2025-02", "to");
        invalid("/api/uptake/services?" + MARCH + "&size=201", "size");
        invalid("/api/uptake/services?" + MARCH + "&page=-1", "page");
        invalid("/api/uptake/services?" + MARCH + "&hscp=ATLANTIS", "hscp");
        query("/api/uptake/services?from=2026-03", "admin").andExpect(status().isBadRequest());
    }

    @Test
    void the_uptake_and_gaps_exports_write_the_same_figures() throws Exception {
        String uptake = query("/api/exports/uptake.csv?" + MARCH, "admin").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(uptake.split("\r\n")).containsExactly(
                "from,to,hscp,service_id,service_name,organisation_id,organisation_name,made,outcomes_recorded,"
                        + "taken_up,not_taken_up,uptake_rate,needs",
                "2026-03,2026-03,all,svc-debt,Debt clinic,org-advice,Eastfield Advice,2,2,2,0,1.0,"
                        + "FINANCES_BENEFITS=1;DEBT=1",
                "2026-03,2026-03,all,svc-lunch,Friday lunch,org-lunch,Lunch Club,2,2,1,1,0.5,"
                        + "LONELINESS_ISOLATION=2",
                "2026-03,2026-03,all,all,,,,4,4,3,1,0.75,");
        String gaps = query("/api/exports/gaps.csv?" + MARCH, "evaluator").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(gaps.split("\r\n")).containsExactly(
                "from,to,area,need,made,outcomes_recorded,taken_up,not_taken_up,uptake_rate",
                "2026-03,2026-03,GLASGOW_CITY,HOUSING,[c],[c],[c],0,[c]",
                "2026-03,2026-03,EAST_DUNBARTONSHIRE,FOOD_INSECURITY,[c],0,0,0,",
                "2026-03,2026-03,all,all,[c],[c],[c],0,[c]");
        // A manager exports as they ask the API: an area where they manage a setting, and only that.
        assertThat(query("/api/exports/uptake.csv?" + MARCH + "&hscp=EAST_DUNBARTONSHIRE", "manager")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString().split("\r\n"))
                .anyMatch(line -> line.startsWith("2026-03,2026-03,EAST_DUNBARTONSHIRE,svc-lunch,"))
                .noneMatch(line -> line.contains("[c]"));
        query("/api/exports/gaps.csv?" + MARCH + "&hscp=WEST_DUNBARTONSHIRE", "manager")
                .andExpect(status().isForbidden());
        query("/api/exports/uptake.csv?" + MARCH, "manager")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hscp"));
    }

    @Test
    void the_event_log_export_names_no_directory_service_so_counts_per_service_stay_under_disclosure_control()
            throws Exception {
        var started = mvc.perform(get("/api/exports/events.csv").with(httpBasic("evaluator", "evaluator-demo")))
                .andExpect(request().asyncStarted()).andReturn();
        List<String> rows = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString().lines().toList();
        assertThat(rows.get(0)).endsWith(",actor_role,correlation_pseudonym");
        assertThat(rows).filteredOn(row -> row.startsWith("U1,2,")).singleElement().asString()
                .startsWith("U1,2,OnwardReferralMade,2026-03-02T10:00:00Z,");
        assertThat(String.join("\n", rows)).doesNotContain("svc-debt", "svc-benefits", "org-advice");
    }

    @Test
    void re_delivery_and_replay_give_the_same_documents() {
        Map<String, List<String>> before = InMemoryEvents.documents(mongo, List.of("uptake"));
        assertThat(before.get("uptake")).isNotEmpty();
        for (StreamingEventProcessor processor : InMemoryEvents.streamingProcessors(processing)) {
            processor.shutDown();
            tokenStore.storeToken(new GlobalSequenceTrackingToken(10), processor.getName(), 0);
            processor.start();
        }
        InMemoryEvents.awaitCaughtUp(progress, processing);
        assertThat(InMemoryEvents.documents(mongo, List.of("uptake"))).isEqualTo(before);
        for (StreamingEventProcessor processor : InMemoryEvents.streamingProcessors(processing)) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        InMemoryEvents.awaitCaughtUp(progress, processing);
        assertThat(InMemoryEvents.documents(mongo, List.of("uptake"))).isEqualTo(before);
    }

    private void invalid(String uri, String parameter) throws Exception {
        query(uri, "admin").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
    }

    private ResultActions query(String uri, String user) throws Exception {
        return mvc.perform(get(uri).with(httpBasic(user, user + "-demo")));
    }
}
