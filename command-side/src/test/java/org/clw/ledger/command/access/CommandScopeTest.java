package org.clw.ledger.command.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The demo worker is links worker lw-001; the demo manager manages gp-40001, gp-40002 and fb-glasgow-ne. A case
 * elsewhere, allocated to someone else, must look to them exactly like a case that does not exist.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:command-scope;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandScopeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;

    @BeforeAll
    void twoPractices_twoWorkers_andACaseAtEach() throws Exception {
        for (String setting : new String[] {"gp-40001", "gp-50001"}) {
            as("admin", post("/api/settings"), """
                    {"settingId":"%s","name":"Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}"""
                    .formatted(setting)).andExpect(status().isCreated());
        }
        as("admin", post("/api/links-workers"), """
                {"workerId":"lw-001","name":"Demo Worker","settings":["gp-40001"],"capacity":50}""")
                .andExpect(status().isCreated());
        as("admin", post("/api/links-workers"), """
                {"workerId":"lw-other","name":"Other Worker","settings":["gp-50001"],"capacity":50}""")
                .andExpect(status().isCreated());
        for (String[] person : new String[][] {{"P700001", "ref-mine", "gp-40001", "lw-001"},
                {"P700002", "ref-theirs", "gp-50001", "lw-other"}}) {
            as("admin", post("/api/participants"), """
                    {"participantId":"%s","personalDetails":{"givenName":"Morag","familyName":"Fakename"},
                     "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""".formatted(person[0]))
                    .andExpect(status().isCreated());
            as("admin", post("/api/referrals"), """
                    {"referralId":"%s","participantId":"%s","settingId":"%s","needs":["DEBT"],"primaryNeed":"DEBT",
                     "route":"SELF","consentRecorded":true}""".formatted(person[1], person[0], person[2]))
                    .andExpect(status().isCreated());
            as("admin", post("/api/referrals/{id}/acceptance", person[1]), null).andExpect(status().isAccepted());
            as("admin", post("/api/referrals/{id}/allocation", person[1]), """
                    {"workerId":"%s"}""".formatted(person[3])).andExpect(status().isAccepted());
        }
    }

    @Test
    void a_links_worker_is_told_a_case_allocated_to_someone_else_does_not_exist() throws Exception {
        long before = eventsOf("ref-theirs");

        book("worker", "ref-theirs", 3)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Unknown id ref-theirs"));
        book("worker", "ref-mine", 3).andExpect(status().isCreated());

        assertThat(eventsOf("ref-theirs")).isEqualTo(before);
    }

    @Test
    void a_manager_acts_only_on_cases_at_settings_they_manage() throws Exception {
        book("manager", "ref-theirs", 4).andExpect(status().isNotFound());
        book("manager", "ref-mine", 4).andExpect(status().isCreated());
    }

    @Test
    void a_links_worker_refers_only_into_settings_they_cover() throws Exception {
        as("worker", post("/api/referrals"), """
                {"participantId":"P700001","settingId":"gp-50001","needs":["DEBT"],"primaryNeed":"DEBT",
                 "route":"SELF","consentRecorded":true}""")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Setting gp-50001 is not one you work in"));
    }

    @Test
    void a_manager_keeps_the_registry_only_of_the_settings_they_manage() throws Exception {
        as("manager", post("/api/settings"), """
                {"settingId":"gp-50002","name":"Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}""")
                .andExpect(status().isForbidden());
        as("manager", post("/api/links-workers"), """
                {"name":"New Worker","settings":["gp-40001","gp-50001"],"capacity":30}""")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Setting gp-50001 is not one you manage"));
        as("manager", put("/api/links-workers/{id}/capacity", "lw-other"), "{\"capacity\":10}")
                .andExpect(status().isForbidden());
        as("manager", post("/api/settings/{id}/closure", "gp-50001"), null).andExpect(status().isForbidden());
        as("manager", put("/api/links-workers/{id}/capacity", "lw-001"), "{\"capacity\":60}")
                .andExpect(status().isAccepted());
    }

    @Test
    void only_someone_who_may_see_one_of_a_participants_cases_may_change_their_details() throws Exception {
        String details = """
                {"personalDetails":{"givenName":"Morag","familyName":"Newname"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""";
        as("worker", put("/api/participants/{id}/details", "P700002"), details).andExpect(status().isNotFound());
        as("worker", put("/api/participants/{id}/details", "P700001"), details).andExpect(status().isAccepted());
    }

    @Test
    void a_person_without_a_case_may_be_changed_only_by_whoever_registered_them() throws Exception {
        register("worker", "P700010", "Fakename").andExpect(status().isCreated());
        register("admin", "P700011", "Fakename").andExpect(status().isCreated());

        changeDetails("manager", "P700010").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Unknown id P700010"));
        changeDetails("worker", "P700011").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Unknown id P700011"));
        changeDetails("worker", "P700010").andExpect(status().isAccepted());
        changeDetails("admin", "P700011").andExpect(status().isAccepted());
    }

    @Test
    void whoever_registered_a_person_keeps_them_until_one_of_their_cases_is_allocated() throws Exception {
        register("worker", "P700012", "Fakename").andExpect(status().isCreated());
        String referral = """
                {"referralId":"ref-registrant","participantId":"P700012","settingId":"gp-40001","needs":["DEBT"],
                 "primaryNeed":"DEBT","route":"SELF","consentRecorded":true}""";
        as("worker", post("/api/referrals"), referral).andExpect(status().isCreated());
        as("worker", post("/api/referrals"), referral).andExpect(status().isCreated());
        changeDetails("worker", "P700012").andExpect(status().isAccepted());

        as("admin", post("/api/links-workers"), """
                {"workerId":"lw-colleague","name":"Colleague","settings":["gp-40001"],"capacity":50}""")
                .andExpect(status().isCreated());
        as("admin", post("/api/referrals/{id}/acceptance", "ref-registrant"), null).andExpect(status().isAccepted());
        as("admin", post("/api/referrals/{id}/allocation", "ref-registrant"), "{\"workerId\":\"lw-colleague\"}")
                .andExpect(status().isAccepted());

        changeDetails("worker", "P700012").andExpect(status().isNotFound());
        changeDetails("manager", "P700012").andExpect(status().isAccepted());
    }

    /** Finding 2 of issue 15: a referral at a manager's own setting opened the person's details to them. */
    @Test
    void a_referral_naming_someone_the_caller_cannot_see_is_answered_as_for_someone_who_does_not_exist()
            throws Exception {
        long before = eventsOf("P700002");
        String unknown = refer("manager", "P799999", "gp-40001").andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        String unseen = refer("manager", "P700002", "gp-40001").andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        assertThat(unseen).isEqualTo(unknown.replace("P799999", "P700002"));
        assertThat(unseen).contains("Participant P700002 is not known");
        changeDetails("manager", "P700002").andExpect(status().isNotFound());
        assertThat(eventsOf("P700002")).isEqualTo(before);
    }

    /** Finding 4 of issue 15: a repeated registration confirmed guessed details (201) or denied them (409). */
    @Test
    void registering_someone_unseen_again_answers_the_same_conflict_whatever_the_details() throws Exception {
        String rightDetails = register("worker", "P700002", "Fakename").andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        String wrongDetails = register("worker", "P700002", "Othername").andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        assertThat(rightDetails).isEqualTo(wrongDetails)
                .contains("Participant P700002 already exists with different content");
        register("admin", "P700002", "Fakename").andExpect(status().isCreated());
    }

    /** Finding 6 of issue 15: a manager changed a worker who also serves settings they do not manage. */
    @Test
    void a_manager_changes_a_worker_only_when_they_manage_every_setting_the_worker_serves() throws Exception {
        as("admin", post("/api/links-workers"), """
                {"workerId":"lw-shared","name":"Shared Worker","settings":["gp-40001","gp-50001"],"capacity":50}""")
                .andExpect(status().isCreated());
        long before = eventsOf("lw-shared");

        as("manager", put("/api/links-workers/{id}/settings", "lw-shared"), "{\"settings\":[\"gp-40001\"]}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Links worker lw-shared works in settings you do not manage"));
        as("manager", put("/api/links-workers/{id}/capacity", "lw-shared"), "{\"capacity\":10}")
                .andExpect(status().isForbidden());
        as("manager", post("/api/links-workers/{id}/deactivation", "lw-shared"), null)
                .andExpect(status().isForbidden());

        assertThat(eventsOf("lw-shared")).isEqualTo(before);
        as("admin", put("/api/links-workers/{id}/capacity", "lw-shared"), "{\"capacity\":10}")
                .andExpect(status().isAccepted());
    }

    private ResultActions register(String user, String participant, String familyName) throws Exception {
        return as(user, post("/api/participants"), """
                {"participantId":"%s","personalDetails":{"givenName":"Morag","familyName":"%s"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""".formatted(participant, familyName));
    }

    private ResultActions changeDetails(String user, String participant) throws Exception {
        return as(user, put("/api/participants/{id}/details", participant), """
                {"personalDetails":{"givenName":"Morag","familyName":"Newname"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""");
    }

    private ResultActions refer(String user, String participant, String setting) throws Exception {
        return as(user, post("/api/referrals"), """
                {"participantId":"%s","settingId":"%s","needs":["DEBT"],"primaryNeed":"DEBT",
                 "route":"SELF","consentRecorded":true}""".formatted(participant, setting));
    }

    private ResultActions book(String user, String referral, int daysAhead) throws Exception {
        String appointment = user + "-" + daysAhead;
        Instant start = Instant.now().plus(daysAhead, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return as(user, post("/api/referrals/{id}/appointments", referral), """
                {"appointmentId":"%s","start":"%s","durationMinutes":30,"mode":"PHONE"}"""
                .formatted(appointment, start));
    }

    private long eventsOf(String aggregate) {
        return eventStore.readEvents(aggregate).asStream().count();
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request, String json) throws Exception {
        request.with(httpBasic(user, user + "-demo"));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }
}
