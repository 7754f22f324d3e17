package org.clw.ledger.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Bearer tokens for the benchmark's admin, as in production login (the system given the public key): HTTP Basic's
 * bcrypt check would cost ~70 ms of CPU per request and measure nothing but bcrypt.
 */
final class Tokens {

    private final Path publicKey;
    private final String admin;

    Tokens(Path publicKey) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        this.publicKey = publicKey;
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("bench-admin").claim("roles", List.of("ADMIN"))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(24 * 3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        this.admin = jwt.serialize();
    }

    Path publicKey() {
        return publicKey;
    }

    String admin() {
        return admin;
    }
}
