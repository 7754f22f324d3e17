package org.clw.ledger.command.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The production login: bearer JWTs signed by the identity provider (here a key pair made for the test, its public
 * half given as {@code public-key-location}; in production {@code issuer-uri}), roles, worker id and managed
 * settings from the configured claims. HTTP Basic is then refused.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:bearer;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class BearerTokenTest {

    private static final KeyPair ISSUER = keyPair();
    private static final KeyPair IMPOSTOR = keyPair();

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry properties) throws IOException {
        Path key = Files.createTempFile("issuer", ".pem");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + key);
    }

    @Test
    void an_admin_token_registers_a_setting_and_records_the_tokens_subject_as_the_actor() throws Exception {
        registerSetting(token(ISSUER, "ops-1", List.of("ADMIN"), Map.of()), "gp-jwt-1")
                .andExpect(status().isCreated());

        assertThat(eventStore.readEvents("gp-jwt-1").next().getMetaData())
                .containsEntry("actorId", "ops-1").containsEntry("actorRole", "ADMIN");
    }

    @Test
    void a_managers_settings_come_from_the_managed_settings_claim() throws Exception {
        String manager = token(ISSUER, "mgr-1", List.of("SERVICE_MANAGER"), Map.of("managed_settings",
                List.of("gp-jwt-2")));
        registerSetting(manager, "gp-jwt-2").andExpect(status().isCreated());
        registerSetting(manager, "gp-jwt-3").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Setting gp-jwt-3 is not one you manage"));
    }

    @Test
    void a_role_the_token_lacks_is_a_403() throws Exception {
        registerSetting(token(ISSUER, "eval-1", List.of("EVALUATOR"), Map.of()), "gp-jwt-4")
                .andExpect(status().isForbidden());
    }

    @Test
    void no_token_a_forged_token_or_a_password_is_a_401_asking_for_a_bearer_token() throws Exception {
        registerSetting(null, "gp-jwt-5").andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
        registerSetting(token(IMPOSTOR, "ops-1", List.of("ADMIN"), Map.of()), "gp-jwt-5")
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/settings").header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes()))
                        .contentType(MediaType.APPLICATION_JSON).content(setting("gp-jwt-5")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void the_api_description_asks_for_a_bearer_token() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.components.securitySchemes.basic").doesNotExist());
    }

    private ResultActions registerSetting(String token, String settingId) throws Exception {
        var request = post("/api/settings").contentType(MediaType.APPLICATION_JSON).content(setting(settingId));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request);
    }

    private static String setting(String settingId) {
        return """
                {"settingId":"%s","name":"Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}""".formatted(settingId);
    }

    private static String token(KeyPair signer, String subject, List<String> roles, Map<String, Object> claims)
            throws Exception {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        jwt.sign(new RSASSASigner(signer.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
