package org.clw.ledger.events.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChiNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0211165794", "0402070763"})
    void numbers_passing_only_modulus_11_are_valid(String chi) {
        int[] digits = digits(chi);
        assertThat(ChiNumber.passesModulus11(digits)).isTrue();
        assertThat(ChiNumber.passesModulus10(digits)).isFalse();
        assertThat(ChiNumber.isValid(chi)).isTrue();
    }

    @Test
    void a_number_passing_only_modulus_10_is_valid() {
        int[] digits = digits("1505260040");
        assertThat(ChiNumber.passesModulus10(digits)).isTrue();
        assertThat(ChiNumber.passesModulus11(digits)).isFalse();
        assertThat(ChiNumber.isValid("1505260040")).isTrue();
    }

    @Test
    void a_number_passing_both_checks_is_valid() {
        int[] digits = digits("0101011237");
        assertThat(ChiNumber.passesModulus11(digits)).isTrue();
        assertThat(ChiNumber.passesModulus10(digits)).isTrue();
        assertThat(new ChiNumber("0101011237").value()).isEqualTo("0101011237");
    }

    @Test
    void a_number_failing_both_checks_is_refused() {
        assertThat(ChiNumber.isValid("0101010000")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3213201234", "3002851230", "0013851234", "2902011234"})
    void a_number_whose_first_six_digits_are_no_real_date_is_refused(String chi) {
        assertThat(ChiNumber.isValid(chi)).isFalse();
    }

    @Test
    void the_29th_of_february_is_a_date_in_a_leap_year_of_either_century() {
        // 290200: 2000 was a leap year. Check digit computed for modulus 11.
        assertThat(ChiNumber.isValid(withModulus11CheckDigit("290200123"))).isTrue();
        // 290201: neither 1901 nor 2001 was a leap year.
        assertThat(ChiNumber.isValid(withModulus11CheckDigit("290201123"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "021116579", "02111657944", "021116579X", " 0211165794", "02-1116579"})
    void anything_but_ten_digits_is_refused(String chi) {
        assertThat(ChiNumber.isValid(chi)).isFalse();
    }

    @Test
    void construction_refuses_invalid_numbers_without_echoing_them() {
        assertThatThrownBy(() -> new ChiNumber("0101010000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("0101010000");
        assertThatThrownBy(() -> new ChiNumber(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void to_string_never_reveals_the_number() {
        assertThat(new ChiNumber("0211165794").toString()).doesNotContain("0211165794");
    }

    private static String withModulus11CheckDigit(String nineDigits) {
        int[] d = digits(nineDigits + "0");
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += d[i] * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        if (check == 10) {
            throw new IllegalArgumentException("no modulus-11 check digit for " + nineDigits);
        }
        return nineDigits + check;
    }

    private static int[] digits(String chi) {
        return chi.chars().map(c -> c - '0').toArray();
    }
}
