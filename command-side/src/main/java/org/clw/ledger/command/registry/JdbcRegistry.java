package org.clw.ledger.command.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.clw.ledger.events.AuditKey;
import org.clw.ledger.events.linksworker.LinksWorkerCapacityChanged;
import org.clw.ledger.events.linksworker.LinksWorkerDeactivated;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.linksworker.LinksWorkerRegistered;
import org.clw.ledger.events.linksworker.LinksWorkerSettingsChanged;
import org.clw.ledger.events.participant.ParticipantErased;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.ParticipantRegistered;
import org.clw.ledger.events.referral.CaseClosed;
import org.clw.ledger.events.referral.CaseReopened;
import org.clw.ledger.events.referral.LinksWorkerAllocated;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.setting.SettingClosed;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registry in the command side's SQL database. Its handlers belong to the subscribing processing group
 * {@code registry}: they run inside the unit of work of the command that published the event, in the same
 * transaction as the event's append in the embedded topology, so the registry never lags behind the event store.
 */
@Component
@ProcessingGroup("registry")
class JdbcRegistry implements Registry {

    private static final String CASE_SCOPE = "SELECT r.setting_id, c.worker_id FROM registry_referral r "
            + "LEFT JOIN registry_case c ON c.referral_id = r.referral_id ";

    private final JdbcTemplate jdbc;

    JdbcRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Standing setting(SettingId settingId) {
        List<Boolean> active = jdbc.queryForList(
                "SELECT active FROM registry_setting WHERE setting_id = ?", Boolean.class, settingId.value());
        return active.isEmpty() ? Standing.UNKNOWN : active.get(0) ? Standing.ACTIVE : Standing.RETIRED;
    }

    @Override
    public Standing participant(ParticipantId participantId) {
        List<Boolean> erased = jdbc.queryForList(
                "SELECT erased FROM registry_participant WHERE participant_id = ?", Boolean.class,
                participantId.value());
        return erased.isEmpty() ? Standing.UNKNOWN : erased.get(0) ? Standing.RETIRED : Standing.ACTIVE;
    }

    /**
     * Locks the worker's row until the command's transaction ends: two cases allocated to the same worker at once
     * would otherwise both count the same open cases and both take the last place (ConcurrencyTest).
     */
    @Override
    public Optional<WorkerStanding> worker(LinksWorkerId workerId) {
        return jdbc.query("SELECT active, capacity FROM registry_worker WHERE worker_id = ? FOR UPDATE",
                (row, n) -> new WorkerStanding(row.getBoolean("active"), settingsOf(workerId),
                        row.getInt("capacity"), openCasesOf(workerId)),
                workerId.value()).stream().findFirst();
    }

    @Override
    public Optional<String> registrant(ParticipantId participantId) {
        return jdbc.queryForList("SELECT registered_by FROM registry_participant WHERE participant_id = ?",
                String.class, participantId.value()).stream().filter(Objects::nonNull).findFirst();
    }

    @Override
    public Optional<CaseScope> caseScope(ReferralId referralId) {
        return jdbc.query(CASE_SCOPE + "WHERE r.referral_id = ?", JdbcRegistry::caseScope, referralId.value())
                .stream().findFirst();
    }

    @Override
    public List<CaseScope> casesOf(ParticipantId participantId) {
        return jdbc.query(CASE_SCOPE + "WHERE r.participant_id = ?", JdbcRegistry::caseScope, participantId.value());
    }

    @Override
    public Optional<ParticipantId> participantOf(ReferralId referralId) {
        return jdbc.query("SELECT participant_id FROM registry_referral WHERE referral_id = ?",
                (row, n) -> new ParticipantId(row.getString(1)), referralId.value()).stream().findFirst();
    }

    private static CaseScope caseScope(ResultSet row, int n) throws SQLException {
        String worker = row.getString("worker_id");
        return new CaseScope(new SettingId(row.getString("setting_id")),
                worker == null ? null : new LinksWorkerId(worker));
    }

    private Set<SettingId> settingsOf(LinksWorkerId workerId) {
        return new HashSet<>(jdbc.query("SELECT setting_id FROM registry_worker_setting WHERE worker_id = ?",
                (row, n) -> new SettingId(row.getString(1)), workerId.value()));
    }

    private int openCasesOf(LinksWorkerId workerId) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM registry_case WHERE worker_id = ? AND is_open", Integer.class, workerId.value());
        return count == null ? 0 : count;
    }

    @EventHandler
    void on(SettingRegistered event) {
        upsert("UPDATE registry_setting SET active = TRUE WHERE setting_id = ?",
                "INSERT INTO registry_setting (active, setting_id) VALUES (TRUE, ?)", event.settingId().value());
    }

    @EventHandler
    void on(SettingClosed event) {
        jdbc.update("UPDATE registry_setting SET active = FALSE WHERE setting_id = ?", event.settingId().value());
    }

    @EventHandler
    void on(LinksWorkerRegistered event) {
        upsert("UPDATE registry_worker SET active = TRUE, capacity = ? WHERE worker_id = ?",
                "INSERT INTO registry_worker (active, capacity, worker_id) VALUES (TRUE, ?, ?)",
                event.capacity(), event.workerId().value());
        replaceSettings(event.workerId(), event.settings());
    }

    @EventHandler
    void on(LinksWorkerSettingsChanged event) {
        replaceSettings(event.workerId(), event.settings());
    }

    @EventHandler
    void on(LinksWorkerCapacityChanged event) {
        jdbc.update("UPDATE registry_worker SET capacity = ? WHERE worker_id = ?",
                event.capacity(), event.workerId().value());
    }

    @EventHandler
    void on(LinksWorkerDeactivated event) {
        jdbc.update("UPDATE registry_worker SET active = FALSE WHERE worker_id = ?", event.workerId().value());
    }

    /** The registrant is the registration's actor, from its audit metadata: a request cannot name someone else. */
    @EventHandler
    void on(ParticipantRegistered event, MetaData metaData) {
        Object registrant = metaData.get(AuditKey.ACTOR_ID.key());
        upsert("UPDATE registry_participant SET erased = FALSE, registered_by = ? WHERE participant_id = ?",
                "INSERT INTO registry_participant (erased, registered_by, participant_id) VALUES (FALSE, ?, ?)",
                registrant == null ? null : registrant.toString(), event.participantId().value());
    }

    @EventHandler
    void on(ParticipantErased event) {
        jdbc.update("UPDATE registry_participant SET erased = TRUE WHERE participant_id = ?",
                event.participantId().value());
    }

    @EventHandler
    void on(ReferralReceived event) {
        upsert("UPDATE registry_referral SET setting_id = ?, participant_id = ? WHERE referral_id = ?",
                "INSERT INTO registry_referral (setting_id, participant_id, referral_id) VALUES (?, ?, ?)",
                event.settingId().value(), event.participantId().value(), event.referralId().value());
    }

    @EventHandler
    void on(LinksWorkerAllocated event) {
        upsert("UPDATE registry_case SET worker_id = ?, is_open = TRUE WHERE referral_id = ?",
                "INSERT INTO registry_case (worker_id, referral_id, is_open) VALUES (?, ?, TRUE)",
                event.workerId().value(), event.referralId().value());
    }

    @EventHandler
    void on(CaseClosed event) {
        jdbc.update("UPDATE registry_case SET is_open = FALSE WHERE referral_id = ?", event.referralId().value());
    }

    @EventHandler
    void on(CaseReopened event) {
        jdbc.update("UPDATE registry_case SET is_open = TRUE WHERE referral_id = ?", event.referralId().value());
    }

    private void replaceSettings(LinksWorkerId workerId, Set<SettingId> settings) {
        jdbc.update("DELETE FROM registry_worker_setting WHERE worker_id = ?", workerId.value());
        settings.forEach(setting -> jdbc.update(
                "INSERT INTO registry_worker_setting (worker_id, setting_id) VALUES (?, ?)",
                workerId.value(), setting.value()));
    }

    /** Both statements take the same arguments, the row's key last. */
    private void upsert(String update, String insert, Object... arguments) {
        if (jdbc.update(update, arguments) == 0) {
            jdbc.update(insert, arguments);
        }
    }
}
