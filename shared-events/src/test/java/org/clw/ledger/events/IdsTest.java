package org.clw.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.ReferralId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @Test
    void an_id_prints_as_its_raw_value() {
        assertThat(new ReferralId("ref-42")).hasToString("ref-42");
        assertThat(ParticipantId.ofNumber(123)).hasToString("P000123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc/passwd", "a b", "ref;drop", "-leading-dash", "x{$ne:1}",
            "an-id-that-is-far-too-long-to-be-an-id-of-ours-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void ids_refuse_anything_outside_their_format(String value) {
        assertThatThrownBy(() -> new ReferralId(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("referral id must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P123", "p000123", "P0001234567", "000123", "P00012a"})
    void participant_ids_are_p_and_six_to_nine_digits(String value) {
        assertThatThrownBy(() -> new ParticipantId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void null_is_no_id() {
        assertThatThrownBy(() -> new ReferralId(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
