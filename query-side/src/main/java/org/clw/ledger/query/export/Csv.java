package org.clw.ledger.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 rows: a field is quoted when it holds a comma, a quote or a line break. A text field that a spreadsheet
 * would read as a formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed with a single quote,
 * as OWASP advises against CSV injection; numbers are written as they are, so a negative count stays a number.
 */
public final class Csv {

    private Csv() {
    }

    public static void row(Writer out, List<?> fields) throws IOException {
        out.write(fields.stream().map(Csv::field).collect(Collectors.joining(",")));
        out.write("\r\n");
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number ? value.toString() : neutralised(value.toString());
        return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
