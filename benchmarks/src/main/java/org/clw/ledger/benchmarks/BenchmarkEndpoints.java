package org.clw.ledger.benchmarks;

import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baselines served through the same HTTP stack as the API (security, request identity, read-access log): a
 * plain Spring Data save of a command's body, and a plain findById of a case summary document.
 */
@RestController
class BenchmarkEndpoints {

    private final MongoTemplate mongo;

    BenchmarkEndpoints(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostMapping("/api/bench/save")
    ResponseEntity<Map<String, Object>> save(@RequestBody Map<String, Object> body) {
        Document saved = mongo.save(new Document(body), "bench_saves");
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", saved.get("_id").toString()));
    }

    @GetMapping("/api/bench/cases/{id}")
    ResponseEntity<Document> find(@PathVariable String id) {
        Document found = mongo.findById(id, Document.class, "cases");
        return found == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(found);
    }
}
