package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.pchatdr.portal.topology.TopologyValues.Kind;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftLogShipping;

/**
 * Log shipping of a pool's databases to the backup (section 4): whether there is any, the share and
 * folders, the schedules and thresholds, the monitor. Without log shipping its values stay as typed
 * but cannot be edited.
 */
class LogShippingForm extends RecordForm<DraftLogShipping> {

    private final Checkbox configured = new Checkbox(getTranslation("editor.log-shipping.configured"));
    private final TextField share = text("log-shipping-share", "editor.log-shipping.share");
    private final TextField local = text("log-shipping-primary-local-path", "editor.log-shipping.primary-local-path");
    private final TextField copy = text("log-shipping-copy-destination", "editor.log-shipping.copy-destination");
    private final IntegerField backupEvery =
            number("log-shipping-backup-every", "editor.log-shipping.backup-every", 1, null);
    private final IntegerField copyEvery = number("log-shipping-copy-every", "editor.log-shipping.copy-every", 1, null);
    private final IntegerField restoreEvery =
            number("log-shipping-restore-every", "editor.log-shipping.restore-every", 1, null);
    private final IntegerField restoreDelay =
            number("log-shipping-restore-delay", "editor.log-shipping.restore-delay", 0, null);
    private final IntegerField backupAlert =
            number("log-shipping-backup-alert", "editor.log-shipping.backup-alert", 0, null);
    private final IntegerField restoreAlert =
            number("log-shipping-restore-alert", "editor.log-shipping.restore-alert", 0, null);
    private final IntegerField retention = number("log-shipping-retention", "editor.log-shipping.retention", 0, null);
    private final Select<String> monitor;
    private final List<HasEnabled> values;

    LogShippingForm(List<String> instanceIds) {
        configured.setId("log-shipping-configured");
        free(
                "configured",
                configured,
                shipping -> shipping.configured,
                (shipping, value) -> shipping.configured = value);
        wholeRecord(configured);
        share.setHelperText(getTranslation("editor.unc.help"));
        optional(
                "share", share, Kind.UNC_PATH, shipping -> shipping.share, (shipping, value) -> shipping.share = value);
        local.setHelperText(getTranslation("editor.log-shipping.primary-local-path.help"));
        optional(
                "primaryLocalPath",
                local,
                Kind.LOCAL_PATH,
                shipping -> shipping.primaryLocalPath,
                (shipping, value) -> shipping.primaryLocalPath = value);
        optional(
                "copyDestination",
                copy,
                Kind.FOLDER,
                shipping -> shipping.copyDestination,
                (shipping, value) -> shipping.copyDestination = value);
        minutes(
                "backupEveryMinutes",
                backupEvery,
                true,
                shipping -> shipping.backupEveryMinutes,
                (shipping, value) -> shipping.backupEveryMinutes = value);
        minutes(
                "copyEveryMinutes",
                copyEvery,
                true,
                shipping -> shipping.copyEveryMinutes,
                (shipping, value) -> shipping.copyEveryMinutes = value);
        minutes(
                "restoreEveryMinutes",
                restoreEvery,
                true,
                shipping -> shipping.restoreEveryMinutes,
                (shipping, value) -> shipping.restoreEveryMinutes = value);
        minutes(
                "restoreDelayMinutes",
                restoreDelay,
                false,
                shipping -> shipping.restoreDelayMinutes,
                (shipping, value) -> shipping.restoreDelayMinutes = value);
        minutes(
                "backupAlertMinutes",
                backupAlert,
                false,
                shipping -> shipping.backupAlertMinutes,
                (shipping, value) -> shipping.backupAlertMinutes = value);
        minutes(
                "restoreAlertMinutes",
                restoreAlert,
                false,
                shipping -> shipping.restoreAlertMinutes,
                (shipping, value) -> shipping.restoreAlertMinutes = value);
        minutes(
                "fileRetentionMinutes",
                retention,
                false,
                shipping -> shipping.fileRetentionMinutes,
                (shipping, value) -> shipping.fileRetentionMinutes = value);
        monitor = instanceSelect("log-shipping-monitor", "editor.log-shipping.monitor", instanceIds);
        free("monitor", monitor, shipping -> shipping.monitor, (shipping, value) -> shipping.monitor = value);
        values = List.of(
                share,
                local,
                copy,
                backupEvery,
                copyEvery,
                restoreEvery,
                restoreDelay,
                backupAlert,
                restoreAlert,
                retention,
                monitor);
        configured.addValueChangeListener(change -> enableValues(change.getValue()));
        getContent().add(configured);
        getContent().setColspan(configured, 2);
        values.forEach(value -> getContent().add((Component) value));
    }

    @Override
    void setRecord(DraftLogShipping shipping) {
        super.setRecord(shipping);
        enableValues(shipping != null && shipping.configured);
    }

    private void enableValues(boolean enabled) {
        values.forEach(value -> value.setEnabled(enabled));
    }
}
