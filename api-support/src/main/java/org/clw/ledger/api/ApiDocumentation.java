package org.clw.ledger.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * Completes the generated API description with what the code does not say: each operation's summary, success
 * status and example body, examples of the query parameters (shared ones, and an operation's own where they differ;
 * all from {@code clw-openapi/*.yml} of each side), and the problem responses every operation can give, each with an
 * example body.
 */
@Component
class ApiDocumentation implements OpenApiCustomizer {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "Problem";

    private final Map<String, Map<String, Object>> operations = new TreeMap<>();
    private final Map<String, Object> parameterExamples = new TreeMap<>();

    ApiDocumentation() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:clw-openapi/*.yml")) {
                try (InputStream in = resource.getInputStream()) {
                    Map<String, Map<String, ?>> document = new Yaml().load(in);
                    document.getOrDefault("operations", Map.of())
                            .forEach((key, entry) -> operations.put(key, cast(entry)));
                    parameterExamples.putAll(document.getOrDefault("parameters", Map.of()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                document(api, method + " " + path, method, path, operation)));
    }

    private void document(OpenAPI api, String key, PathItem.HttpMethod method, String path, Operation operation) {
        Map<String, Object> entry = operations.getOrDefault(key, Map.of());
        if (entry.get("summary") instanceof String summary) {
            operation.setSummary(summary);
        }
        if (operation.getParameters() != null) {
            // An operation may give its own examples where a shared name takes another form (months, not days).
            Map<String, Object> examples = new TreeMap<>(parameterExamples);
            if (entry.get("parameters") instanceof Map<?, ?> own) {
                own.forEach((name, example) -> examples.put(String.valueOf(name), example));
            }
            operation.getParameters().stream()
                    .filter(parameter -> examples.containsKey(parameter.getName()))
                    .forEach(parameter -> parameter.setExample(examples.get(parameter.getName())));
        }
        boolean hasBody = operation.getRequestBody() != null;
        if (hasBody && entry.containsKey("example")) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(entry.get("example")));
        }
        ApiResponses responses = operation.getResponses();
        if (entry.get("status") instanceof Integer status && responses.containsKey("200")) {
            ApiResponse success = responses.remove("200");
            responses.addApiResponse(String.valueOf(status), success.description(status == 201 ? "Created"
                    : status == 202 ? "Accepted: the command was applied; the read side follows shortly" : "OK"));
        }
        boolean command = method != PathItem.HttpMethod.GET;
        firstField(api, operation).ifPresent(field -> problem(responses, 400, "Invalid request",
                "The request has invalid fields: " + field, path));
        problem(responses, 401, "Unauthorized", "Authentication is required", path);
        problem(responses, 403, "Forbidden", "Your role does not allow this request", path);
        if (path.contains("{")) {
            problem(responses, 404, "Not Found", "Unknown id ref-1", path);
        }
        if (command && path.startsWith("/api/") && !path.startsWith("/api/admin/")) {
            problem(responses, 409, "Conflict",
                    "It is at version 1, not the version 0 the request expected (If-Match); read it again and retry",
                    path);
        }
        if (hasBody) {
            problem(responses, 413, "Payload Too Large", "A request body may be at most 1048576 bytes", path);
            problem(responses, 415, "Unsupported Media Type",
                    "Content-Type 'text/plain;charset=UTF-8' is not supported.", path);
        }
    }

    /**
     * The first field of the operation's body ("file" for a body that is a file), or else its first query or header
     * parameter: what a 400 names.
     */
    private static Optional<String> firstField(OpenAPI api, Operation operation) {
        if (operation.getRequestBody() != null) {
            return operation.getRequestBody().getContent().values().stream()
                    .map(media -> media.getSchema() == null ? null : media.getSchema().get$ref())
                    .filter(Objects::nonNull)
                    .map(ref -> api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1)))
                    .filter(schema -> schema != null && schema.getProperties() != null)
                    .flatMap(schema -> schema.getProperties().keySet().stream())
                    .findFirst()
                    // A body that is a file (a CSV import) rather than JSON: the 400 names the file.
                    .or(() -> Optional.of("file"));
        }
        return Optional.ofNullable(operation.getParameters()).stream().flatMap(List::stream)
                .filter(parameter -> "query".equals(parameter.getIn()) || "header".equals(parameter.getIn()))
                .map(Parameter::getName)
                .findFirst();
    }

    private static void problem(ApiResponses responses, int status, String title, String detail, String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", path);
        if (status == 400) {
            example.put("errors", List.of(Map.of("field", detail.substring(detail.lastIndexOf(' ') + 1),
                    "message", "must not be blank")));
        }
        responses.addApiResponse(String.valueOf(status), new ApiResponse().description(title)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                        .example(example))));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("the offending request field or parameter"));
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem detail");
        problem.addProperty("type", new StringSchema());
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object entry) {
        return entry == null ? Map.of() : (Map<String, Object>) entry;
    }
}
