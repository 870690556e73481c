package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.TopologyValues.Kind;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftPool;

/** A pool's own values: names, sites, the link between them, the next-hop pool and the file store. */
class PoolForm extends RecordForm<DraftPool> {

    private final TextField fqdn = text("pool-fqdn", "editor.pool.fqdn");
    private final TextField serviceIdentity = text("pool-service-identity", "editor.pool.service-identity");
    private final TextField activeIdentity =
            text("pool-active-servers-identity", "editor.pool.active-servers-identity");
    private final Select<String> primarySite;
    private final Select<String> secondarySite;
    private final Select<SiteLink> siteLink = select(
            "pool-site-link",
            "editor.pool.site-link",
            List.of(SiteLink.values()),
            link -> getTranslation("editor.site-link." + link.name()));
    private final TextField nextHop = text("pool-next-hop-fqdn", "editor.pool.next-hop-fqdn");
    private final ComboBox<String> nextHopZone = timeZone("pool-next-hop-time-zone", "editor.pool.next-hop-time-zone");
    private final TextField fileStore = text("pool-file-store", "editor.pool.file-store");

    PoolForm(List<String> siteIds) {
        required("fqdn", fqdn, Kind.FQDN, pool -> pool.fqdn, (pool, value) -> pool.fqdn = value);
        required(
                "serviceIdentity",
                serviceIdentity,
                Kind.CMDLET_IDENTITY,
                pool -> pool.serviceIdentity,
                (pool, value) -> pool.serviceIdentity = value);
        activeIdentity.setHelperText(getTranslation("editor.pool.active-servers-identity.help"));
        optional(
                "activeServersIdentity",
                activeIdentity,
                Kind.CMDLET_IDENTITY,
                pool -> pool.activeServersIdentity,
                (pool, value) -> pool.activeServersIdentity = value);
        primarySite = siteSelect("pool-primary-site", "editor.pool.primary-site", siteIds);
        chosen("primarySite", primarySite, pool -> pool.primarySite, (pool, value) -> pool.primarySite = value);
        secondarySite = siteSelect("pool-secondary-site", "editor.pool.secondary-site", siteIds);
        chosen("secondarySite", secondarySite, pool -> pool.secondarySite, (pool, value) -> pool.secondarySite = value);
        chosen("siteLink", siteLink, pool -> pool.siteLink, (pool, value) -> pool.siteLink = value);
        // Typing into the next-hop pool gives the pool one, as Topology Builder does.
        required("nextHopPool", nextHop, Kind.FQDN, pool -> pool.nextHopFqdn, (pool, value) -> {
            pool.hasNextHopPool = true;
            pool.nextHopFqdn = value;
        });
        zone("nextHopPool.timeZone", nextHopZone, pool -> pool.nextHopTimeZone, (pool, value) -> {
            pool.hasNextHopPool = true;
            pool.nextHopTimeZone = value;
        });
        fileStore.setHelperText(getTranslation("editor.unc.help"));
        optional(
                "fileStore", fileStore, Kind.UNC_PATH, pool -> pool.fileStore, (pool, value) -> pool.fileStore = value);
        getContent()
                .add(
                        fqdn,
                        serviceIdentity,
                        activeIdentity,
                        primarySite,
                        secondarySite,
                        siteLink,
                        nextHop,
                        nextHopZone,
                        fileStore);
    }
}
