package org.clw.ledger.command.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, row by row, and how many services it added, changed, left unchanged and refused.
 *
 * @param services each outcome and how many services had it
 */
record ImportReport(Map<ImportOutcome, Long> services, List<Row> rows) {

    static ImportReport of(List<Row> rows) {
        Map<ImportOutcome, Long> counts = new TreeMap<>();
        for (ImportOutcome outcome : ImportOutcome.values()) {
            counts.put(outcome, rows.stream().filter(row -> row.service() == outcome).count());
        }
        return new ImportReport(counts, List.copyOf(rows));
    }

    /**
     * One data row of the file.
     *
     * @param row    its number among the data rows, from 1 (the header is not counted)
     * @param field  the column a refusal is about, when it is about one
     * @param reason why the row was refused; null otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(int row, String organisationId, String serviceId, ImportOutcome organisation,
               ImportOutcome service, String field, String reason) {
    }
}
