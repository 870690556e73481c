package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftDatabase;

/**
 * Where the copies of one database ({@code mgc} or {@code mgccomp}) are: an instance for each
 * {@link CopyRole}, the primary required. Field ids are {@code mgc-mirror}, {@code mgccomp-backupWitness}.
 */
class DatabaseForm extends RecordForm<DraftDatabase> {

    private final Map<CopyRole, Select<String>> copies = new EnumMap<>(CopyRole.class);

    DatabaseForm(DatabaseKind kind, List<String> instanceIds) {
        String prefix = kind == DatabaseKind.CHAT ? "mgc" : "mgccomp";
        for (CopyRole role : CopyRole.values()) {
            Select<String> select =
                    instanceSelect(prefix + "-" + role.field(), "editor.database." + role.field(), instanceIds);
            var binding = binder.forField(select);
            if (role == CopyRole.PRIMARY) {
                binding = binding.asRequired(getTranslation("editor.required"));
            }
            binding.bind(database -> database.copies.get(role), (database, id) -> database.copies.put(role, id));
            copies.put(role, select);
            getContent().add(select);
        }
    }

    /** A copy's field, by the role's name in the format; any other name leads to the primary. */
    @Override
    protected Component field(String field) {
        return copies.get(CopyRole.ofField(field).orElse(CopyRole.PRIMARY));
    }
}
