package org.pchatdr.portal.procedure.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.procedure.ProcedureMarkdown;
import org.pchatdr.portal.procedure.ProcedureScripts;
import org.pchatdr.portal.procedure.ProcedureService;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.procedure.Procedures;
import org.springframework.stereotype.Component;

/** The procedure pages' source in the running portal: the procedure service and the shared renderers. */
@Component
class ServiceProcedureSource implements ProcedureSource {

    private final ProcedureService procedures;

    ServiceProcedureSource(ProcedureService procedures) {
        this.procedures = procedures;
    }

    @Override
    public Procedure generate(
            long topologyId, String poolFqdn, String name, String variant, Integer version, Locale locale) {
        return procedures.generate(topologyId, poolFqdn, name, variant, version, locale);
    }

    @Override
    public List<String> names() {
        return Procedures.names();
    }

    @Override
    public List<String> variants(String name) {
        return Procedures.generator(name).map(ProcedureGenerator::variants).orElse(List.of());
    }

    @Override
    public String markdown(Procedure procedure, Locale locale) {
        return ProcedureMarkdown.write(procedure, ProcedureTexts.of(locale));
    }

    @Override
    public Map<String, String> sqlByInstance(Procedure procedure) {
        return ProcedureScripts.sqlByInstance(procedure);
    }

    @Override
    public String powerShell(Procedure procedure) {
        return ProcedureScripts.powerShell(procedure);
    }
}
