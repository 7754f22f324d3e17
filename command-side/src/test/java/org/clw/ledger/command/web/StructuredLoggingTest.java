package org.clw.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** With structured logging on, a request's log lines are JSON carrying its correlation id and no personal data. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:structured-logging;DB_CLOSE_DELAY=-1",
        "logging.structured.format.console=logstash", "logging.level.org.clw.ledger=debug"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

    @Autowired
    MockMvc mvc;

    /**
     * Spring Boot configures Logback once per JVM, and test contexts share the JVM; forgetting that it did makes this
     * context configure it with the structured format, and the next context back without it.
     */
    @BeforeAll
    @AfterAll
    static void letSpringConfigureLoggingAgain() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).removeObject(LoggingSystem.class.getName());
    }

    @Test
    void a_commands_log_line_is_json_with_the_requests_correlation_id(CapturedOutput output) throws Exception {
        mvc.perform(post("/api/participants").with(httpBasic("worker", "worker-demo"))
                        .header("X-Correlation-Id", "corr-structured-1")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"personalDetails":{"givenName":"Ishbel","familyName":"Loggedname"},
                                 "demographics":{"gender":"FEMALE","ageBand":"AGE_25_34","simdDecile":2}}"""))
                .andExpect(status().isCreated());

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{"))
                .map(line -> {
                    try {
                        return json.readTree(line);
                    } catch (Exception e) {
                        throw new AssertionError("not JSON: " + line, e);
                    }
                }).toList();
        assertThat(lines).filteredOn(line -> line.path("message").asText().startsWith("RegisterParticipant accepted"))
                .singleElement()
                .satisfies(line -> assertThat(line.path("correlationId").asText()).isEqualTo("corr-structured-1"));
        assertThat(output.getAll()).doesNotContain("Ishbel", "Loggedname");
    }
}
