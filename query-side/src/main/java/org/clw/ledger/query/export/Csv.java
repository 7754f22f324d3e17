package org.clw.ledger.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 rows: a field is quoted when it holds a comma, a quote or a line break. */
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
        String text = value.toString();
        return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
