package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every environment variable that docker/compose.yaml gives an application is one the application reads: a
 * configuration property it declares (Spring Boot's relaxed binding maps {@code AXON_AXONSERVER_SERVERS} to
 * {@code axon.axonserver.servers}), or a placeholder in its own configuration files.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker", "compose.yaml");
    private static final List<String> CONFIG_FILES = List.of("application.yml", "clw-api.yml",
            "clw-command-side.yml", "clw-query-side.yml");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)");

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side"})
    void every_variable_the_compose_file_sets_is_read_by_the_application(String service) throws IOException {
        Map<String, Object> environment = environmentOf(service);
        Set<String> read = readBy(service);
        assertThat(environment).isNotEmpty();
        assertThat(environment.keySet()).allSatisfy(variable ->
                assertThat(read).as("%s of %s", variable, service).contains(canonical(variable)));
    }

    @Test
    void a_variable_the_application_does_not_read_is_caught() {
        assertThat(readBy("query-side")).contains(canonical("MONGODB_URI"), canonical("AXON_AXONSERVER_SERVERS"))
                .doesNotContain(canonical("AXON_AXONSERVER_SERVERZ"), canonical("MONGO_URL"));
        assertThat(readBy("command-side")).contains(canonical("MONGODB_URI"))
                .doesNotContain(canonical("CLW_WAITING_LIST_TARGET_DAYS"));
    }

    @Test
    void both_applications_point_at_axon_server_and_the_query_side_at_the_replica_set() throws IOException {
        assertThat(environmentOf("command-side")).containsEntry("AXON_AXONSERVER_ENABLED", "true")
                .containsEntry("AXON_AXONSERVER_SERVERS", "axonserver:8124");
        assertThat(environmentOf("query-side")).containsEntry("AXON_AXONSERVER_ENABLED", "true")
                .containsEntry("MONGODB_URI", "mongodb://mongo:27017/clw-ledger?replicaSet=rs0");
    }

    /** Every command-side instance shares the registry in the postgres service, and starts once it is up. */
    @Test
    void the_command_side_keeps_its_registry_in_the_postgres_service() throws IOException {
        Map<String, Object> postgres = environmentOf("postgres");
        assertThat(environmentOf("command-side"))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"))
                .containsEntry("SPRING_DATASOURCE_USERNAME", postgres.get("POSTGRES_USER"))
                .containsEntry("SPRING_DATASOURCE_PASSWORD", postgres.get("POSTGRES_PASSWORD"));
        assertThat(serviceOf("command-side")).extractingByKey("depends_on").asInstanceOf(MAP)
                .containsEntry("postgres", Map.of("condition", "service_healthy"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environmentOf(String service) throws IOException {
        return (Map<String, Object>) serviceOf(service).getOrDefault("environment", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> serviceOf(String service) throws IOException {
        try (InputStream compose = Files.newInputStream(COMPOSE)) {
            Map<String, Object> file = new Yaml().load(compose);
            Map<String, Object> services = (Map<String, Object>) file.get("services");
            return (Map<String, Object>) services.get(service);
        }
    }

    /**
     * Property names from the configuration-metadata files on the classpath and the placeholders in our
     * configuration files, leaving out the other side's module.
     */
    private static Set<String> readBy(String service) {
        String otherSide = service.equals("command-side") ? "query-side" : "command-side";
        Set<String> names = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        ClassLoader classLoader = ComposeFileTest.class.getClassLoader();
        try {
            for (String metadata : List.of("META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json")) {
                for (URL url : Collections.list(classLoader.getResources(metadata))) {
                    if (url.toString().contains(otherSide)) {
                        continue;
                    }
                    try (InputStream in = url.openStream()) {
                        for (JsonNode property : json.readTree(in).path("properties")) {
                            names.add(canonical(property.get("name").asText()));
                        }
                    }
                }
            }
            for (String file : CONFIG_FILES) {
                for (URL url : Collections.list(classLoader.getResources(file))) {
                    if (url.toString().contains(otherSide) || url.toString().contains("/standalone/")) {
                        continue;
                    }
                    try (InputStream in = url.openStream()) {
                        Matcher placeholder = PLACEHOLDER.matcher(new String(in.readAllBytes()));
                        while (placeholder.find()) {
                            names.add(canonical(placeholder.group(1)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /** Spring Boot's relaxed binding, reduced to a comparable form: case, dots, dashes and underscores dropped. */
    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[._\\-\\[\\]0-9]", "");
    }
}
