package org.clw.ledger.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The key that wraps every participant key and from which the read-access log's chain key is derived. It comes from
 * {@code clw.privacy.master-key} (base64, 32 bytes) or {@code clw.privacy.master-key-file} (a file holding that base64
 * text), never from the data directory: a file inside {@code clw.data-dir} is refused, since a copy of the directory
 * would then carry its own key. Outside the development mode (the Spring profile {@code development}) the system
 * refuses to start without one; the development mode uses a published development key instead.
 */
@Component
public class MasterKey {

    static final String DEVELOPMENT_PROFILE = "development";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    private static final int KEY_BYTES = 32;
    /** Published on purpose: it protects nothing and is accepted only in the development mode. */
    private static final String DEVELOPMENT_SEED = "clw-ledger development master key: published, never for real data";

    private final SecretKey key;
    private final boolean development;

    @Autowired
    MasterKey(Environment environment, @Value("${clw.privacy.master-key:}") String base64,
            @Value("${clw.privacy.master-key-file:}") String file, @Value("${clw.data-dir:./data}") Path dataDir) {
        this(environment.matchesProfiles(DEVELOPMENT_PROFILE), base64, file, dataDir);
    }

    MasterKey(boolean developmentMode, String base64, String file, Path dataDir) {
        if (!base64.isBlank() && !file.isBlank()) {
            throw new IllegalStateException("Give clw.privacy.master-key or clw.privacy.master-key-file, not both");
        }
        if (!file.isBlank()) {
            this.key = fromFile(Path.of(file), dataDir);
            this.development = false;
        } else if (!base64.isBlank()) {
            this.key = decoded(base64, "clw.privacy.master-key");
            this.development = false;
        } else if (developmentMode) {
            LOG.warn("No master key (clw.privacy.master-key or clw.privacy.master-key-file): the development mode "
                    + "wraps participant keys under the published development key, which protects nothing");
            this.key = new SecretKeySpec(sha256(DEVELOPMENT_SEED), "AES");
            this.development = true;
        } else {
            throw new IllegalStateException("No master key: set clw.privacy.master-key (base64, 32 bytes, e.g. from a "
                    + "secret store) or clw.privacy.master-key-file (outside the data directory), or start with the "
                    + "Spring profile development (see the README, \"Access and privacy\")");
        }
    }

    /** A master key given directly, for tests and tools. */
    public static MasterKey of(byte[] key) {
        return new MasterKey(false, Base64.getEncoder().encodeToString(key), "", Path.of("."));
    }

    /** Wraps a participant key (AES-GCM), the participant id authenticated with it. */
    byte[] wrap(String participantId, byte[] participantKey) {
        return AesGcm.seal(key, participantId, participantKey);
    }

    /** @throws AesGcm.TamperedWith when the wrapped key was altered or wrapped under another master key */
    byte[] unwrap(String participantId, byte[] wrapped) {
        return AesGcm.open(key, participantId, wrapped);
    }

    /** The published development key is in use: nothing it wraps is protected. */
    public boolean isDevelopmentKey() {
        return development;
    }

    /** An HMAC-SHA256 keyed for one purpose only, derived from the master key (HMAC of the purpose). */
    public Mac mac(String purpose) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static SecretKey fromFile(Path file, Path dataDir) {
        Path absolute = real(file);
        if (absolute.startsWith(real(dataDir))) {
            throw new IllegalStateException("clw.privacy.master-key-file lies inside the data directory ("
                    + dataDir + "): keep the master key apart from the data it protects");
        }
        try {
            return decoded(Files.readString(absolute).strip(), "clw.privacy.master-key-file");
        } catch (IOException e) {
            throw new UncheckedIOException("clw.privacy.master-key-file cannot be read: " + file, e);
        }
    }

    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    private static SecretKey decoded(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must hold 32 bytes (AES-256), base64-encoded");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
