package org.pchatdr.portal.topology.ui;

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
    private final Select<SqlVersion> version =
            select("instance-version", "editor.instance.version", List.of(SqlVersion.values()), SqlVersion::label);
    private final TextField edition = new TextField(getTranslation("editor.instance.edition"));
    private final TextField account = new TextField(getTranslation("editor.instance.service-account"));

    SqlInstanceForm(List<String> siteIds) {
        id.setId("instance-id");
        required("id", id, Kind.IDENTIFIER, sql -> sql.id, (sql, value) -> sql.id = value);
        host.setId("instance-host");
        required("host", host, Kind.FQDN, sql -> sql.host, (sql, value) -> sql.host = value);
        instance.setId("instance-name");
        instance.setHelperText(getTranslation("editor.instance.instance.help"));
        optional("instance", instance, Kind.INSTANCE_NAME, sql -> sql.instance, (sql, value) -> sql.instance = value);
        port("port", port, sql -> sql.port, (sql, value) -> sql.port = value);
        site = siteSelect("instance-site", "editor.instance.site", siteIds);
        chosen("site", site, sql -> sql.site, (sql, value) -> sql.site = value);
        chosen("version", version, sql -> sql.version, (sql, value) -> sql.version = value);
        edition.setId("instance-edition");
        required("edition", edition, Kind.EDITION, sql -> sql.edition, (sql, value) -> sql.edition = value);
        account.setId("instance-service-account");
        account.setHelperText(getTranslation("editor.instance.service-account.help"));
        required(
                "serviceAccount",
                account,
                Kind.SERVICE_ACCOUNT,
                sql -> sql.serviceAccount,
                (sql, value) -> sql.serviceAccount = value);
        getContent().add(id, host, instance, port, site, version, edition, account);
    }
}
