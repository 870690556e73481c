package org.pchatdr.portal.topology.diagram;

/** Every translated text of the diagram; the keys live in {@code i18n/topology-diagram*.properties}. */
enum Label {
    DESCRIPTION("diagram.description"),
    LINK_HIGH_BANDWIDTH("diagram.link.high-bandwidth"),
    LINK_LOW_BANDWIDTH("diagram.link.low-bandwidth"),
    PRIMARY_SITE("diagram.primary-site"),
    SECONDARY_SITE("diagram.secondary-site"),
    OTHER_SITE("diagram.other-site"),
    UNKNOWN_SITE("diagram.unknown-site"),
    ACTIVE("diagram.active"),
    IDLE("diagram.idle"),
    CHAT_DATABASE("diagram.database.chat"),
    COMPLIANCE_DATABASE("diagram.database.compliance"),
    /* The six copy roles, named as the constants of CopyRole (see DiagramRenderer.Copy#label). */
    PRIMARY("diagram.primary"),
    MIRROR("diagram.mirror"),
    WITNESS("diagram.witness"),
    BACKUP("diagram.backup"),
    BACKUP_MIRROR("diagram.backup-mirror"),
    BACKUP_WITNESS("diagram.backup-witness"),
    UNKNOWN_INSTANCE("diagram.unknown-instance"),
    SQL_DETAILS("diagram.sql-details"),
    MIRRORING("diagram.mirroring"),
    LOG_SHIPPING("diagram.log-shipping"),
    EVERY_MINUTES("diagram.every-minutes"),
    PORT("diagram.port"),
    NEXT_HOP("diagram.next-hop"),
    FILE_STORE("diagram.file-store"),
    LEGEND("diagram.legend"),
    LEGEND_ACTIVE_SERVER("diagram.legend.active-server"),
    LEGEND_IDLE_SERVER("diagram.legend.idle-server"),
    LEGEND_DATABASE_COPY("diagram.legend.database-copy"),
    LEGEND_WITNESS("diagram.legend.witness"),
    LEGEND_MIRRORING("diagram.legend.mirroring"),
    LEGEND_WITNESS_LINK("diagram.legend.witness-link"),
    LEGEND_LOG_SHIPPING("diagram.legend.log-shipping"),
    LEGEND_ERROR("diagram.legend.error"),
    LEGEND_WARNING("diagram.legend.warning"),
    ERROR("diagram.severity.error"),
    WARNING("diagram.severity.warning"),
    UNPLACED_VIOLATIONS("diagram.unplaced-violations");

    private final String key;

    Label(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
