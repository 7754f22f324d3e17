package org.clw.ledger.query.setting;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The programme's settings; a hundred or so, so not paged. */
@RestController
@RequestMapping("/api/settings")
class SettingQueryController {

    private final MongoOperations mongo;

    SettingQueryController(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    List<SettingView> settings() {
        return mongo.find(new Query().with(Sort.by("name", "_id")), SettingView.class, SettingProjection.COLLECTION);
    }
}
