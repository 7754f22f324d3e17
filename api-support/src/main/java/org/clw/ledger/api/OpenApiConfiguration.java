package org.clw.ledger.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The API description springdoc generates from the controllers, served at /v3/api-docs and /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /**
     * The login the API accepts: bearer JWTs when an issuer is configured, HTTP Basic otherwise. The server is the
     * configured base URL, never one built from the request's Host header, which a client controls.
     */
    @Bean
    OpenAPI clwLedgerApi(ObjectProvider<JwtDecoder> jwtDecoder, @Value("${clw.api.base-url:/}") String baseUrl) {
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        String scheme = bearer ? "bearer" : "basic";
        SecurityScheme login = new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(scheme);
        if (bearer) {
            login.bearerFormat("JWT");
        }
        return new OpenAPI()
                .info(new Info().title("CLW Ledger API").version("0.1")
                        .description("Commands (POST/PUT) and queries (GET) of the Community Links Worker case ledger. "
                                + "Errors are RFC 9457 problem details; every request needs "
                                + (bearer ? "a bearer token." : "HTTP Basic.")))
                .servers(List.of(new Server().url(baseUrl)))
                .components(new Components().addSecuritySchemes(scheme, login))
                .addSecurityItem(new SecurityRequirement().addList(scheme));
    }
}
