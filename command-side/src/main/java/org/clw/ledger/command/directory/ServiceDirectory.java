package org.clw.ledger.command.directory;

import java.util.Optional;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;

/**
 * What case work may ask of the directory when it decides: a service as it now stands, and the area (HSCP) of a
 * setting, which a service must serve. Injected into the case's command handlers as a domain service, so the case
 * aggregate stays deterministic for a given directory.
 */
public interface ServiceDirectory {

    /** The service as it now stands; empty when none is in the directory under this id. */
    Optional<ServiceEntry> service(ServiceId serviceId);

    /** The HSCP of a registered setting; empty for an unknown one. */
    Optional<Hscp> areaOf(SettingId settingId);
}
