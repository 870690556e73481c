package org.pchatdr.portal.procedure.ui;

import com.vaadin.flow.component.Component;

/** Procedure and variant names as pages show them: translated where a translation exists. */
public final class ProcedureLabels {

    private ProcedureLabels() {}

    /** A procedure name as the page shows it; the name itself when it has no translation. */
    public static String procedure(Component component, String name) {
        return labelOr(component, "procedure.name." + name, name);
    }

    public static String variant(Component component, String variant) {
        return labelOr(component, "procedure.variant." + variant, variant);
    }

    /** The procedure with its variant in brackets, when it has one. */
    public static String title(Component component, String name, String variant) {
        String title = procedure(component, name);
        return variant == null ? title : title + " (" + variant(component, variant) + ")";
    }

    private static String labelOr(Component component, String key, String fallback) {
        String text = component.getTranslation(key);
        return text.startsWith("!") && text.endsWith("!") ? fallback : text;
    }
}
