package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The served API description: every operation summarised, with its success status, examples and problems. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentationTest {

    ConfigurableApplicationContext app;
    String base;
    JsonNode description;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = TestSystem.start(dataDir, "--spring.application.name=api-documentation-test");
        base = TestSystem.baseUrl(app);
        description = TestSystem.anonymous(base).get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** A client's Host or forwarding headers never become the description's server (issue 15, finding 14). */
    @Test
    void the_server_is_the_configured_base_url_not_the_request_s_host() {
        JsonNode forwarded = TestSystem.client(base).defaultHeader("X-Forwarded-Host", "evil.example")
                .defaultHeader("Forwarded", "host=evil.example").build()
                .get().uri("/v3/api-docs").retrieve().body(JsonNode.class);

        for (JsonNode served : List.of(description, forwarded)) {
            assertThat(served.get("servers").findValuesAsText("url")).containsExactly("/");
        }
    }

    @Test
    void every_operation_has_a_summary_its_success_status_and_problem_responses_with_examples() {
        List<String> operations = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            JsonNode operation = op.getValue();
            assertThat(operation.path("summary").asText()).as(name + " summary").isNotBlank();
            JsonNode responses = operation.get("responses");
            assertThat(responses.has("401") && responses.has("403")).as(name + " 401/403").isTrue();
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4")) {
                    JsonNode problem = response.getValue().at("/content/application~1problem+json");
                    assertThat(problem.at("/schema/$ref").asText()).isEqualTo("#/components/schemas/Problem");
                    assertThat(problem.at("/example/status").asText()).isEqualTo(response.getKey());
                }
            });
            if (path.getKey().contains("{")) {
                assertThat(responses.has("404")).as(name + " 404").isTrue();
            }
            if (operation.at("/requestBody/content").has("text/csv")) {
                assertThat(operation.at("/requestBody/content/text~1csv/example").isTextual())
                        .as(name + " example file").isTrue();
                assertThat(responses.has("400")).as(name + " 400").isTrue();
            } else if (operation.has("requestBody")) {
                assertThat(operation.at("/requestBody/content/application~1json/example").isObject())
                        .as(name + " example body").isTrue();
                assertThat(responses.has("400")).as(name + " 400").isTrue();
            }
            operation.path("parameters").forEach(parameter -> assertThat(parameter.has("example"))
                    .as(name + " example of " + parameter.get("name").asText()).isTrue());
        }));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(47);
        assertThat(description.at("/paths/~1api~1referrals/post/responses").has("201")).isTrue();
        assertThat(description.at("/paths/~1api~1referrals~1{referralId}~1closure/post/responses").has("202"))
                .isTrue();
        assertThat(description.at("/paths/~1api~1referrals~1{referralId}~1closure/post/responses").has("409"))
                .isTrue();
    }

    /**
     * A period's examples have the form the endpoint takes: months for uptake and its exports, days elsewhere ("Try it
     * out" with a day where a month is expected is a 400). Their values cannot be checked by calling: whether a period
     * is within the programme's span depends on the day the test runs.
     */
    @Test
    void every_period_example_has_the_form_its_endpoint_takes() {
        List<String> checked = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                op.getValue().path("parameters").forEach(parameter -> {
                    String name = parameter.get("name").asText();
                    if (!name.equals("from") && !name.equals("to")) {
                        return;
                    }
                    String example = parameter.get("example").asText();
                    boolean months = path.getKey().startsWith("/api/uptake/")
                            || path.getKey().matches("/api/exports/(uptake|gaps)\\.csv");
                    assertThatCode(() -> {
                        if (months) {
                            YearMonth.parse(example);
                        } else {
                            LocalDate.parse(example);
                        }
                    }).as(op.getKey() + " " + path.getKey() + " " + name + " example " + example)
                            .doesNotThrowAnyException();
                    checked.add(path.getKey() + " " + name);
                })));
        assertThat(checked).contains("/api/uptake/services from", "/api/exports/gaps.csv to", "/api/statistics from");
    }

    @Test
    void every_example_body_is_a_valid_request() {
        Map<String, String> ids = Map.of("{referralId}", "ref-1", "{participantId}", "P000001", "{workerId}", "lw-001",
                "{settingId}", "gp-40001", "{appointmentId}", "first", "{onwardReferralId}", "onw-1",
                "{organisationId}", "org-eastfield-advice", "{serviceId}", "svc-eastfield-debt-clinic",
                "{proposalId}", "prop-repair-cafe");
        RestClient admin = TestSystem.demoUser(base, "admin");
        List<String> sent = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode example = op.getValue().at("/requestBody/content/application~1json/example");
            if (!example.isObject() || path.getKey().endsWith("/erasure")) {
                return;
            }
            String uri = path.getKey();
            for (Map.Entry<String, String> id : ids.entrySet()) {
                uri = uri.replace(id.getKey(), id.getValue());
            }
            int status = admin.method(HttpMethod.valueOf(op.getKey().toUpperCase())).uri(uri)
                    .contentType(MediaType.APPLICATION_JSON).body(example.toString())
                    .exchange((request, response) -> response.getStatusCode().value());
            sent.add(op.getKey() + " " + uri + " " + status);
            assertThat(status).as(op.getKey() + " " + uri + " with its example").isNotIn(400, 415, 500);
        }));
        assertThat(sent).hasSizeGreaterThanOrEqualTo(18);
    }
}
