package org.clw.ledger.query.caseload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;

/** A links worker's open cases against their capacity: one document per worker, fetched by id. */
public class WorkerCaseload {

    public static final String COLLECTION = "caseloads";

    @Id
    String workerId;
    /** The LinksWorker aggregate's sequence number of the last worker event applied. */
    long workerVersion = -1;
    long position = -1;
    String name;
    int capacity;
    boolean active;
    List<String> settings = new ArrayList<>();
    LinkedHashMap<String, CaseloadEntry> cases = new LinkedHashMap<>();

    static WorkerCaseload of(String workerId) {
        WorkerCaseload caseload = new WorkerCaseload();
        caseload.workerId = workerId;
        return caseload;
    }

    void coverSettings(Set<?> settingIds) {
        settings = settingIds.stream().map(Object::toString).sorted().toList();
    }
}
