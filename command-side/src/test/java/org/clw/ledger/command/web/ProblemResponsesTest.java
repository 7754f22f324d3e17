package org.clw.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every refusal is an RFC 9457 problem that names what is wrong, and leaves no event behind. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:problems;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemResponsesTest {

    static final String VALID_REFERRAL = """
            {"referralId":"ref-p1","participantId":"P000901","settingId":"gp-p1","needs":["DEBT"],
             "primaryNeed":"DEBT","route":"SELF","consentRecorded":true}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void aSettingAPersonAndAReceivedReferral() throws Exception {
        send("admin", post("/api/settings"), """
                {"settingId":"gp-p1","name":"Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}""")
                .andExpect(status().isCreated());
        send("worker", post("/api/participants"), """
                {"participantId":"P000901","personalDetails":{"givenName":"Morag","familyName":"Fakename"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""").andExpect(status().isCreated());
        send("admin", post("/api/referrals"), VALID_REFERRAL).andExpect(status().isCreated());
    }

    @Test
    void missing_fields_are_a_400_naming_each_field() throws Exception {
        send("worker", post("/api/referrals"), "{\"consentRecorded\":true}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "needs", "participantId", "primaryNeed", "route", "settingId")));
    }

    @Test
    void an_unknown_enum_value_is_a_400_listing_the_allowed_values() throws Exception {
        send("worker", post("/api/referrals"), VALID_REFERRAL.replace("\"SELF\"", "\"CARRIER_PIGEON\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("route"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("PROACTIVE")));
    }

    @Test
    void a_malformed_id_in_the_body_is_a_400_naming_the_field() throws Exception {
        send("worker", post("/api/referrals"), VALID_REFERRAL.replace("P000901", "Robert'); DROP TABLE--"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("participantId"))
                .andExpect(jsonPath("$.errors[0].message").value("participant id must be 'P' followed by 6 to 9 digits"));
    }

    @Test
    void an_invalid_chi_number_is_a_400_that_does_not_repeat_it() throws Exception {
        send("worker", post("/api/participants"), """
                {"personalDetails":{"givenName":"Morag","familyName":"Fakename","chiNumber":"0101010000"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personalDetails.chiNumber"))
                .andExpect(content().string(not(containsString("0101010000"))));
    }

    @Test
    void a_malformed_id_in_the_path_is_a_400_naming_the_parameter() throws Exception {
        send("worker", post("/api/referrals/{id}/acceptance", "bad..id"), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("referralId"));
    }

    @Test
    void a_domain_rule_on_a_field_is_a_400_naming_it() throws Exception {
        send("admin", post("/api/referrals"), VALID_REFERRAL.replace("ref-p1", "ref-p2")
                .replace("\"consentRecorded\":true", "\"consentRecorded\":false"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consentRecorded"));
    }

    @Test
    void an_unknown_case_is_a_404() throws Exception {
        send("worker", post("/api/referrals/{id}/acceptance", "ref-nowhere"), null)
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Unknown id ref-nowhere"));
    }

    @Test
    void an_unknown_appointment_in_a_known_case_is_a_404() throws Exception {
        send("admin", post("/api/referrals/{id}/appointments/nope/cancellation", "ref-p1"), """
                {"cancelledBy":"PARTICIPANT","reason":"OTHER"}""")
                .andExpect(status().isNotFound());
    }

    @Test
    void a_command_the_state_forbids_is_a_409() throws Exception {
        send("admin", post("/api/referrals/{id}/closure", "ref-p1"), "{\"reason\":\"GOALS_MET\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(
                        "Referral ref-p1 is RECEIVED; only an open case can be closed"));
    }

    @Test
    void a_referral_to_an_unknown_setting_is_a_409() throws Exception {
        send("admin", post("/api/referrals"), VALID_REFERRAL.replace("ref-p1", "ref-p3")
                .replace("gp-p1", "gp-unknown"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Setting gp-unknown is not known"));
    }

    @Test
    void an_oversized_body_is_a_413_problem_and_is_not_read() throws Exception {
        long eventsBefore = storedEvents();
        String huge = VALID_REFERRAL.replace("\"route\"", "\"padding\":\"" + "x".repeat(2_000_000) + "\",\"route\"");
        send("worker", post("/api/referrals"), huge)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void no_login_is_a_401_problem() throws Exception {
        mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON).content(VALID_REFERRAL))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(post("/api/referrals").with(httpBasic("worker", "wrong-password"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID_REFERRAL))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void roles_without_commands_get_a_403_problem() throws Exception {
        send("auditor", post("/api/referrals/{id}/acceptance", "ref-p1"), null)
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        send("evaluator", post("/api/referrals"), VALID_REFERRAL).andExpect(status().isForbidden());
        send("worker", post("/api/settings"), "{}").andExpect(status().isForbidden());
    }

    static Stream<Arguments> hostileRequests() {
        return Stream.of(
                Arguments.of(post("/api/referrals"), "not json at all"),
                Arguments.of(post("/api/referrals"), "[]"),
                Arguments.of(post("/api/referrals"), "null"),
                Arguments.of(post("/api/referrals"), "{\"needs\":\"DEBT\"}"),
                Arguments.of(post("/api/referrals"), "{\"needs\":[null],\"receivedAt\":\"yesterday\"}"),
                Arguments.of(post("/api/referrals"), VALID_REFERRAL.replace("\"SELF\"", "3")),
                Arguments.of(post("/api/referrals"), VALID_REFERRAL + " {}"),
                Arguments.of(post("/api/referrals"), "{\"referralId\":\"" + "x".repeat(10_000) + "\"}"),
                Arguments.of(post("/api/referrals"), "{\"a\":".repeat(2_000)),
                Arguments.of(post("/api/referrals"), VALID_REFERRAL.replace("\"consentRecorded\":true",
                        "\"consentRecorded\":true,\"receivedAt\":\"+999999999-01-01T00:00:00Z\"")),
                Arguments.of(post("/api/referrals/{id}/appointments", "ref-p1"),
                        "{\"start\":\"2026-13-45T99:00:00Z\",\"durationMinutes\":-5,\"mode\":\"PHONE\"}"),
                Arguments.of(post("/api/referrals/{id}/appointments", "ref-p1"),
                        "{\"start\":\"2026-01-01T10:00:00Z\",\"durationMinutes\":99999999999,\"mode\":\"PHONE\"}"),
                Arguments.of(post("/api/referrals/{id}/outcome-measures", "ref-p1"),
                        "{\"instrument\":\"ONS4\",\"timepoint\":\"BASELINE\",\"answers\":[1,null],\"mode\":\"SELF\"}"),
                Arguments.of(post("/api/referrals/{id}/acceptance", "%2e%2e%2fetc%2fpasswd"), null),
                Arguments.of(put("/api/participants/{id}/details", "P000901"), "{\"personalDetails\":{}}"),
                Arguments.of(post("/api/referrals/{id}/allocation", "ref-p1"), "{\"workerId\":{\"$ne\":null}}"));
    }

    @ParameterizedTest
    @MethodSource("hostileRequests")
    void hostile_requests_get_a_4xx_problem_and_leave_nothing_behind(MockHttpServletRequestBuilder request,
            String body) throws Exception {
        long eventsBefore = storedEvents();
        int status = send("admin", request, body)
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getStatus();
        assertThat(status).isBetween(400, 499);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private ResultActions send(String user, MockHttpServletRequestBuilder request, String json) throws Exception {
        request.with(httpBasic(user, user + "-demo"));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }
}
