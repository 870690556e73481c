package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.pchatdr.portal.topology.Topology.SqlVersion;
import org.pchatdr.portal.topology.TopologyValues.Kind;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftSqlInstance;

/** A SQL Server instance: where it runs, how it is reached, which version and account. */
class SqlInstanceForm extends RecordForm<DraftSqlInstance> {

    private final TextField id = new TextField(getTranslation("editor.instance.id"));
    private final TextField host = new TextField(getTranslation("editor.instance.host"));
    private final TextField instance = new TextField(getTranslation("editor.instance.instance"));
    private final IntegerField port = number("instance-port", "editor.instance.port", 1, 65535);
    private final Select<String> site;
    private final Select<SqlVersion> version = new Select<>();
    private final TextField edition = new TextField(getTranslation("editor.instance.edition"));
    private final TextField account = new TextField(getTranslation("editor.instance.service-account"));

    SqlInstanceForm(List<String> siteIds) {
        id.setId("instance-id");
        required(id, Kind.IDENTIFIER, sql -> sql.id, (sql, value) -> sql.id = value);
        host.setId("instance-host");
        required(host, Kind.FQDN, sql -> sql.host, (sql, value) -> sql.host = value);
        instance.setId("instance-name");
        instance.setHelperText(getTranslation("editor.instance.instance.help"));
        optional(instance, Kind.INSTANCE_NAME, sql -> sql.instance, (sql, value) -> sql.instance = value);
        port(port, sql -> sql.port, (sql, value) -> sql.port = value);
        site = siteSelect("instance-site", "editor.instance.site", siteIds);
        chosen(site, sql -> sql.site, (sql, value) -> sql.site = value);
        version.setId("instance-version");
        version.setLabel(getTranslation("editor.instance.version"));
        version.setItems(SqlVersion.values());
        version.setItemLabelGenerator(SqlVersion::label);
        chosen(version, sql -> sql.version, (sql, value) -> sql.version = value);
        edition.setId("instance-edition");
        required(edition, Kind.EDITION, sql -> sql.edition, (sql, value) -> sql.edition = value);
        account.setId("instance-service-account");
        account.setHelperText(getTranslation("editor.instance.service-account.help"));
        required(account, Kind.SERVICE_ACCOUNT, sql -> sql.serviceAccount, (sql, value) -> sql.serviceAccount = value);
        getContent().add(id, host, instance, port, site, version, edition, account);
    }

    @Override
    protected Component field(String field) {
        return switch (field) {
            case "id" -> id;
            case "host" -> host;
            case "instance" -> instance;
            case "port" -> port;
            case "site" -> site;
            case "version" -> version;
            case "edition" -> edition;
            case "serviceAccount" -> account;
            default -> null;
        };
    }
}
