/**
 * The event contract: the events every part of the system reads and writes, the value types they carry, and the
 * audit metadata keys. A module so that the event families can be sealed across their packages; the applications
 * still run it from the class path. No Spring.
 */
module org.clw.ledger.events {
    requires transitive com.fasterxml.jackson.annotation;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.axonframework.messaging;

    exports org.clw.ledger.events;
    exports org.clw.ledger.events.appointment;
    exports org.clw.ledger.events.directory;
    exports org.clw.ledger.events.linking;
    exports org.clw.ledger.events.linksworker;
    exports org.clw.ledger.events.participant;
    exports org.clw.ledger.events.referral;
    exports org.clw.ledger.events.setting;

    opens org.clw.ledger.events.appointment to com.fasterxml.jackson.databind;
    opens org.clw.ledger.events.directory to com.fasterxml.jackson.databind;
    opens org.clw.ledger.events.linking to com.fasterxml.jackson.databind;
    opens org.clw.ledger.events.linksworker to com.fasterxml.jackson.databind;
    opens org.clw.ledger.events.participant to com.fasterxml.jackson.databind;
    opens org.clw.ledger.events.referral to com.fasterxml.jackson.databind;
    opens org.clw.ledger.events.setting to com.fasterxml.jackson.databind;
}
