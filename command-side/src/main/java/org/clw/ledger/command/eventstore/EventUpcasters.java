package org.clw.ledger.command.eventstore;

import org.clw.ledger.events.referral.DirectoryServiceUpcaster;
import org.clw.ledger.events.referral.OnwardReferralOutcomeRecordedUpcaster;
import org.clw.ledger.events.referral.SealedFreeTextUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upcasters of the event contract; Axon puts every such bean into the event store's upcaster chain, in the order
 * declared here (an event's revisions are upcast one after the other).
 */
@Configuration(proxyBeanMethods = false)
class EventUpcasters {

    @Bean
    OnwardReferralOutcomeRecordedUpcaster onwardReferralOutcomeRecordedUpcaster() {
        return new OnwardReferralOutcomeRecordedUpcaster();
    }

    @Bean
    SealedFreeTextUpcaster sealedFreeTextUpcaster() {
        return new SealedFreeTextUpcaster();
    }

    @Bean
    DirectoryServiceUpcaster directoryServiceUpcaster() {
        return new DirectoryServiceUpcaster();
    }
}
