package org.pchatdr.portal.procedure.generators;

import java.util.List;
import org.pchatdr.portal.procedure.ProcedureGenerator;

/** A generator's name and variants, given once to the constructor instead of in two overrides each. */
abstract class NamedGenerator implements ProcedureGenerator {

    /** Run as T-SQL: a variant of the configuration procedures. */
    static final String TSQL = "tsql";

    /** Scripted from the SSMS dialog: a variant of the log-shipping procedures. */
    static final String SSMS = "ssms";

    private final String name;
    private final List<String> variants;

    /** @param variants the first is the default; none when the procedure has no variants */
    NamedGenerator(String name, String... variants) {
        this.name = name;
        this.variants = List.of(variants);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> variants() {
        return variants;
    }
}
