package org.clw.ledger.query.waitinglist;

import java.util.Objects;
import org.clw.ledger.query.projection.Staged;
import org.clw.ledger.query.referral.CaseChange;
import org.clw.ledger.query.referral.CaseView;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code waiting_lists} read model: per setting, the referrals waiting for a first contact
 * ({@link org.clw.ledger.query.referral.CaseStatus#isWaiting()}). A referral leaves the list at its first attended
 * appointment, decline or closure.
 */
@Component
class WaitingListProjection implements CaseView {

    static final String COLLECTION = "waiting_lists";

    private final MongoOperations mongo;

    WaitingListProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void apply(CaseChange change, Staged writes) {
        String settingId = change.after().settingId();
        String referralId = change.referralId();
        WaitingEntry entry = change.after().isWaiting() ? WaitingEntry.of(change.after()) : null;
        writes.update(COLLECTION, settingId, SettingWaitingList.class, () -> SettingWaitingList.of(settingId),
                list -> {
                    if (Objects.equals(entry, list.entries.get(referralId))) {
                        return false;
                    }
                    if (entry == null) {
                        list.entries.remove(referralId);
                    } else {
                        list.entries.put(referralId, entry);
                    }
                    list.position = Math.max(list.position, change.position());
                    return true;
                });
    }

    @Override
    public void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
