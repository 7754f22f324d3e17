package org.clw.ledger.command.directory;

import java.util.Set;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Callers;
import org.clw.ledger.api.security.OutOfScope;
import org.clw.ledger.api.security.Role;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.setting.Hscp;
import org.springframework.stereotype.Component;

/**
 * Who keeps which part of the directory (the role rules already let only managers and admins in): admins all of it;
 * a manager the services of the areas (HSCPs) of the settings they manage, every area a service serves, before and
 * after a change. A programme-wide service is an admin's. Organisations serve no area of their own: any manager may
 * register and describe one, so that they can add its services in their areas.
 */
@Component
class DirectoryAccess {

    private final Callers callers;
    private final DirectoryLookup lookup;

    DirectoryAccess(Callers callers, DirectoryLookup lookup) {
        this.callers = callers;
        this.lookup = lookup;
    }

    /** @throws OutOfScope when the caller may not keep a service with each of these offers */
    void checkKeeps(ServiceOffer... offers) {
        Caller caller = callers.current();
        if (caller.role() == Role.ADMIN) {
            return;
        }
        Set<Hscp> managed = caller.role() == Role.SERVICE_MANAGER ? lookup.areasOf(caller.managedSettings())
                : Set.of();
        for (ServiceOffer offer : offers) {
            if (offer == null) {
                continue;
            }
            if (offer.programmeWide()) {
                throw new OutOfScope("Programme-wide services are kept by admins");
            }
            offer.areas().stream().filter(area -> !managed.contains(area)).findFirst().ifPresent(area -> {
                throw new OutOfScope("Area " + area + " is not one you manage");
            });
        }
    }
}
