package org.clw.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metadata names are part of the stored format: they never change, and the hash covers the audit facts. */
class AuditKeyTest {

    @Test
    void the_stored_names_are_those_every_release_wrote() {
        assertThat(AuditKey.all()).containsExactly("actorId", "actorRole", "correlationId", "causationId",
                "commandName", "requestId", "reason", "hash", "previousHash");
    }

    @Test
    void the_hash_covers_every_audit_fact_and_not_the_chain_links_themselves() {
        assertThat(AuditKey.hashed()).containsExactly("actorId", "actorRole", "correlationId", "causationId",
                "commandName", "requestId", "reason");
    }

    @Test
    void an_event_inherits_who_why_and_which_request_from_its_command_but_gets_its_own_causation_and_hash() {
        assertThat(AuditKey.fromCommand()).containsExactly("actorId", "actorRole", "correlationId", "commandName",
                "requestId", "reason");
    }
}
