package org.clw.ledger.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a spreadsheet opening an export would run as a formula is written as text. */
class CsvTest {

    @Test
    void a_text_cell_that_a_spreadsheet_would_read_as_a_formula_is_prefixed_with_a_quote() throws IOException {
        assertThat(row("=HYPERLINK(\"http://evil.example\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rcmd"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\",'+1+1,'-2+3,'@SUM(A1),'\tx,\"'\rcmd\"\r\n");
    }

    @Test
    void numbers_and_ordinary_text_are_written_as_they_are() throws IOException {
        assertThat(row(-5, 42L, "ref-000001", "GP practice, Govan", null, "a=b"))
                .isEqualTo("-5,42,ref-000001,\"GP practice, Govan\",,a=b\r\n");
    }

    private static String row(Object... fields) throws IOException {
        StringWriter out = new StringWriter();
        Csv.row(out, Arrays.asList(fields));
        return out.toString();
    }
}
