package org.pchatdr.portal.review.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.pchatdr.portal.review.Finding;

/**
 * Open findings past their due date, each a link to its review (issue 14): the same list on
 * everyone's home page and in the managers' reviews inbox, its items named {@code <idPrefix><id>}.
 */
final class OverdueFindingsList extends Div {

    OverdueFindingsList(List<Finding> findings, String idPrefix) {
        add(new H3(getTranslation("home.overdue-findings.title", findings.size())));
        UnorderedList list = new UnorderedList();
        for (Finding finding : findings) {
            ListItem item = new ListItem(new Anchor(
                    "reviews/" + finding.runId(),
                    getTranslation(
                            "home.overdue-findings.item",
                            finding.title(),
                            finding.owner(),
                            finding.due(),
                            finding.runId())));
            item.setId(idPrefix + finding.id());
            list.add(item);
        }
        add(list);
    }
}
