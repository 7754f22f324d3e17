package org.clw.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** How the embedded store writes a document, and reads what it or the library wrote. */
class DocumentTypeTest {

    private final DocumentType documents = new DocumentType();

    private static final Document CASE = new Document("_id", "ref-000042")
            .append("worker", "w3")
            .append("number", 42)
            .append("version", 7L)
            .append("score", 0.25)
            .append("open", true)
            .append("closedAt", null)
            .append("receivedAt", Instant.parse("2026-03-01T09:30:00.123Z"))
            .append("key", new ObjectId())
            .append("participant", UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"))
            .append("sealed", new BinData(new byte[] {1, 2, 3}))
            .append("counts", new Document("2026-03", 4).append("2026-04", 5L))
            .append("history", new ArrayList<>(List.of(new Document("at", "x"), 1, "two")));

    @Test
    void a_document_is_written_as_a_marker_and_its_bson_and_reads_back_equal_in_its_field_order() {
        ByteBuffer written = write(documents, CASE, "after");

        assertThat(written.get(0)).isEqualTo(DocumentType.BSON);
        Object read = documents.read(written);
        assertThat(read).isEqualTo(CASE);
        assertThat(((Document) read).keySet()).containsExactlyElementsOf(CASE.keySet());
        assertThat(documents.read(written)).as("the next value starts where the document ended")
                .isEqualTo("after");
    }

    @Test
    void a_value_the_library_wrote_reads_as_before() {
        ByteBuffer written = write(new ObjectDataType(), CASE, "after");

        assertThat(written.get(0)).isNotEqualTo(DocumentType.BSON);
        assertThat(documents.read(written)).isEqualTo(CASE);
        assertThat(documents.read(written)).isEqualTo("after");
    }

    @Test
    void a_document_bson_would_change_is_written_as_the_library_does() {
        Document finer = new Document("_id", "a").append("at", Instant.parse("2026-03-01T09:30:00.123456Z"));
        Document otherType = new Document("_id", "b").append("short", (short) 3);

        for (Document document : List.of(finer, otherType)) {
            ByteBuffer written = write(documents, document, "after");
            assertThat(written.get(0)).isNotEqualTo(DocumentType.BSON);
            assertThat(documents.read(written)).isEqualTo(document);
        }
    }

    private static ByteBuffer write(ObjectDataType type, Object... values) {
        WriteBuffer buffer = new WriteBuffer();
        for (Object value : values) {
            type.write(buffer, value);
        }
        return buffer.getBuffer().flip();
    }
}
