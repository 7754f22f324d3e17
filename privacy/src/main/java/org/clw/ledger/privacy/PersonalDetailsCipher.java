package org.clw.ledger.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.PersonalDetails;
import org.clw.ledger.events.participant.SealedDetails;
import org.clw.ledger.events.participant.SealedText;
import org.springframework.stereotype.Component;

/**
 * Seals personal details, and free text about the person, with the participant's key before they leave the API
 * layer, and opens them for a read. The
 * participant id is authenticated with the ciphertext, so sealed details copied onto another participant fail to
 * open.
 */
@Component
public class PersonalDetailsCipher {

    private static final String PURPOSE_ENCRYPT = "clw-ledger personal details v1";
    private static final String PURPOSE_TEXT = "clw-ledger free text v1";
    private static final byte[] PURPOSE_FINGERPRINT = "clw-ledger fingerprint v1".getBytes(StandardCharsets.UTF_8);

    private final ParticipantKeys keys;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    PersonalDetailsCipher(ParticipantKeys keys) {
        this.keys = keys;
    }

    /** @throws ParticipantKeys.KeyDestroyed when the participant has been erased */
    public SealedDetails seal(ParticipantId participantId, PersonalDetails details) {
        SecretKey key = keys.keyFor(participantId);
        byte[] plaintext = plaintext(details);
        return new SealedDetails(
                Base64.getEncoder().encodeToString(AesGcm.seal(key, associatedData(participantId), plaintext)),
                Base64.getEncoder().encodeToString(fingerprint(key, plaintext)));
    }

    /**
     * The details in clear; empty when the participant's key has been destroyed (erased).
     *
     * @throws IllegalStateException when the sealed bytes were altered: they fail authentication
     */
    public Optional<PersonalDetails> open(ParticipantId participantId, SealedDetails sealed) {
        return keys.existingKey(participantId).map(key -> {
            try {
                byte[] plaintext = AesGcm.open(key, associatedData(participantId),
                        Base64.getDecoder().decode(sealed.ciphertext()));
                return json.readValue(plaintext, PersonalDetails.class);
            } catch (AesGcm.TamperedWith | IllegalArgumentException | IOException e) {
                throw new IllegalStateException("Sealed details of participant " + participantId
                        + " failed authentication");
            }
        });
    }

    /**
     * Seals free text about the participant (a closure summary, an onward referral's organisation); null stays null.
     *
     * @throws ParticipantKeys.KeyDestroyed when the participant has been erased
     */
    public SealedText sealText(ParticipantId participantId, String text) {
        if (text == null) {
            return null;
        }
        byte[] sealed = AesGcm.seal(keys.keyFor(participantId), PURPOSE_TEXT + " " + participantId.value(),
                text.getBytes(StandardCharsets.UTF_8));
        return SealedText.sealed(Base64.getEncoder().encodeToString(sealed));
    }

    /**
     * The text in clear while the participant's key exists; empty once it is destroyed (erased), or for no text. Text
     * an earlier release stored in clear is shown on the same terms.
     *
     * @throws IllegalStateException when the sealed bytes were altered: they fail authentication
     */
    public Optional<String> openText(ParticipantId participantId, SealedText text) {
        if (text == null) {
            return Optional.empty();
        }
        return keys.existingKey(participantId).map(key -> {
            if (!text.isSealed()) {
                return text.value();
            }
            try {
                return new String(AesGcm.open(key, PURPOSE_TEXT + " " + participantId.value(),
                        Base64.getDecoder().decode(text.ciphertext())), StandardCharsets.UTF_8);
            } catch (AesGcm.TamperedWith | IllegalArgumentException e) {
                throw new IllegalStateException("Sealed text of participant " + participantId
                        + " failed authentication");
            }
        });
    }

    private static String associatedData(ParticipantId participantId) {
        return PURPOSE_ENCRYPT + " " + participantId.value();
    }

    private byte[] plaintext(PersonalDetails details) {
        try {
            return json.writeValueAsBytes(details);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HMAC under a key derived from the participant's, so the encryption key is used for one purpose only. */
    private static byte[] fingerprint(SecretKey key, byte[] plaintext) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive.doFinal(PURPOSE_FINGERPRINT), "HmacSHA256"));
            return mac.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
