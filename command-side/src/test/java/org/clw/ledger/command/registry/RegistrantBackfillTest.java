package org.clw.ledger.command.registry;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A person registered by an earlier release, which recorded no registrant, is given back to whoever registered them. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:command-scope;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class RegistrantBackfillTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegistrantBackfill backfill;

    @Test
    void the_registrant_of_a_person_without_a_case_is_taken_from_their_registration() throws Exception {
        as("worker", post("/api/participants"), """
                {"participantId":"P700040","personalDetails":{"givenName":"Morag","familyName":"Fakename"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""").andExpect(status().isCreated());
        jdbc.update("UPDATE registry_participant SET registered_by = NULL WHERE participant_id = 'P700040'");
        changeDetails().andExpect(status().isNotFound());

        backfill.fillInMissingRegistrants();

        changeDetails().andExpect(status().isAccepted());
    }

    private ResultActions changeDetails() throws Exception {
        return as("worker", put("/api/participants/{id}/details", "P700040"), """
                {"personalDetails":{"givenName":"Morag","familyName":"Newname"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""");
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(user, user + "-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
