package org.clw.ledger.command.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: comma-separated fields, a field in double quotes when it holds a comma, quote or
 * line break, a quote inside one doubled; lines end in CRLF or LF. No CSV library is among the project's
 * dependencies, and this is all the import needs.
 */
final class CsvRows {

    private CsvRows() {
    }

    /**
     * The records of the text, each a list of fields; blank lines are skipped.
     *
     * @throws IllegalArgumentException on a quote left open, or a character after a closing quote
     */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        int line = 1;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, fields, field);
                fields = new ArrayList<>();
                afterQuote = false;
                line++;
            } else if (afterQuote) {
                throw new IllegalArgumentException("line " + line + ": nothing may follow a closing quote but a comma");
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + line + ": a quoted field is not closed");
        }
        endRecord(records, fields, field);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> fields, StringBuilder field) {
        fields.add(field.toString());
        field.setLength(0);
        if (!(fields.size() == 1 && fields.get(0).isBlank())) {
            records.add(fields);
        }
    }
}
