package org.clw.ledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The standalone system for a test: in development mode, on a free port, a data directory of the test's, read models
 * in memory.
 */
public final class TestSystem {

    /** The explicit development mode: demo users and the other conveniences a production start refuses. */
    public static final String DEVELOPMENT = "development";

    private TestSystem() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, String... arguments) {
        return new SpringApplicationBuilder(StandaloneApplication.class).profiles(DEVELOPMENT).run(Stream.concat(
                Stream.of("--server.port=0", "--clw.data-dir=" + dataDir, "--clw.mongo.embedded=memory",
                        "--spring.datasource.url=" + eventStoreWithoutCompaction(dataDir)),
                Stream.of(arguments)).toArray(String[]::new));
    }

    /**
     * The event store's file as production opens it, but not compacted on close: production spends up to 20 s of
     * fsyncs compacting it at a graceful stop (the benchmark measures that), which a test's throwaway file does not
     * need, and which outlasts the connection pool's 10 s close on a busy disk.
     */
    static String eventStoreWithoutCompaction(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("command-side") + ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";
    }

    public static String baseUrl(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getBean(Environment.class).getProperty("local.server.port");
    }

    /** A client logged in as one of the demo users (password: the username followed by -demo). */
    public static RestClient demoUser(String baseUrl, String user) {
        return client(baseUrl).defaultHeaders(headers -> headers.setBasicAuth(user, user + "-demo")).build();
    }

    /**
     * A client that sends a demo user's session token: one password login, then no bcrypt check per request (Spring
     * Security re-hashes a cheap password hash at the encoder's strength on first use, ~70 ms of CPU per request
     * after). For tests of what a role may do; the password path itself is {@link #demoUser}'s.
     */
    public static RestClient loggedIn(String baseUrl, String user) {
        String token = sessionToken(baseUrl, user);
        return client(baseUrl).defaultHeaders(headers -> headers.setBearerAuth(token)).build();
    }

    /** A demo user's token from {@code POST /api/session}, valid for the process that issued it. */
    public static String sessionToken(String baseUrl, String user) {
        return demoUser(baseUrl, user).post().uri("/api/session").retrieve().body(JsonNode.class).path("token")
                .asText();
    }

    public static RestClient anonymous(String baseUrl) {
        return client(baseUrl).build();
    }

    /**
     * A client that reads bodies with Jackson 2, as the tests' {@code JsonNode}s are (the API's own mapper); Spring's
     * default would pick Jackson 3, which cannot make a Jackson 2 tree.
     */
    @SuppressWarnings("deprecation")
    public static RestClient.Builder client(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl)
                .messageConverters(converters -> converters.replaceAll(converter ->
                        converter instanceof JacksonJsonHttpMessageConverter ? new MappingJackson2HttpMessageConverter()
                                : converter));
    }
}
