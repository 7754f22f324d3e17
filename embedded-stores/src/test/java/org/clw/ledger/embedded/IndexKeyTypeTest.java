package org.clw.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The index key type orders keys exactly as H2's own type does, so the files it writes are the library's. */
class IndexKeyTypeTest {

    private final ObjectDataType h2 = new ObjectDataType();

    @Test
    void orders_every_pair_of_keys_as_h2_does() {
        List<KeyValue> keys = new ArrayList<>();
        for (Object value : List.of("ref-000001", "ref-000002", "ref-000010", "ref1-000001", "a", "", "Y2026",
                "M2026-03|gp-40001", "D2026-03-05", "é-unicode", 0L, 1L, -1L, 42L, Long.MAX_VALUE, 0, 7, -7, 1.5, -0.0,
                true, false)) {
            keys.add(new KeyValue(value));
        }
        keys.add(new KeyValue("cases", 0));
        keys.add(new KeyValue("cases", 1));
        keys.add(new KeyValue("settings", 0));
        keys.add(new KeyValue(new Document("a", 1).append("b", 2)));
        keys.add(new KeyValue(new Document("b", 2).append("a", 1)));

        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                // Twice: the second comparison uses the kept bytes.
                assertThat(Integer.signum(IndexKeyType.INSTANCE.compare(a, b)))
                        .as("%s vs %s", a, b).isEqualTo(Integer.signum(h2.compare(a, b)));
                assertThat(Integer.signum(IndexKeyType.INSTANCE.compare(new KeyValue(a.stream().toList()), b)))
                        .as("%s vs %s again", a, b).isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }
}
