package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.html.Span;
import org.pchatdr.portal.topology.Severity;

/** How much a rule finding matters, in words and colour (the words carry it for those without colour). */
class SeverityBadge extends Span {

    SeverityBadge(Severity severity) {
        setText(getTranslation("severity." + severity.name()));
        getElement()
                .getThemeList()
                .add(
                        switch (severity) {
                            case ERROR -> "badge error";
                            case WARNING -> "badge warning";
                            case INFO -> "badge contrast";
                        });
    }
}
