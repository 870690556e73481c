package org.pchatdr.portal.change.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeTemplate;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The standard-change templates page: an administrator writes, another approver approves. */
class ChangeTemplatesTest extends KaribuTest {

    private static final String FIELDS = "pools[*].logShipping.backupAlertMinutes|30|120";

    @Autowired
    ChangeService changes;

    @Test
    void anAdministratorWritesATemplateAndAnApproverMakesItUsable() {
        String name = "Alert thresholds " + UUID.randomUUID();
        signIn("tpl-admin", Role.ADMIN);
        navigate("change-templates");

        fillIn(_get(TextField.class, spec -> spec.withId("template-name")), name);
        fillIn(_get(TextArea.class, spec -> spec.withId("template-fields")), FIELDS);
        _click(_get(Button.class, spec -> spec.withId("create-template")));

        ChangeTemplate created = template(name);
        assertThat(row(created)).contains(name, FIELDS, "tpl-admin", "Waiting for an approver");
        assertThat(_get(TextField.class, spec -> spec.withId("template-name")).getValue())
                .isEmpty();

        signIn("tpl-approver", Role.APPROVER);
        // Another person opens the page afresh (the router keeps the admin's instance otherwise).
        navigate("");
        navigate("change-templates");
        _click(approveButton(created));

        assertThat(row(created)).contains("Usable (approved by tpl-approver)");
        assertThat(template(name).usable()).isTrue();
        assertThat(approveButton(created).isVisible()).isFalse();
    }

    @Test
    void aLineThatIsNotPathMinMaxIsRefusedInFrenchAndNothingIsSaved() {
        String name = "Broken " + UUID.randomUUID();
        signIn("tpl-admin", Role.ADMIN);
        chooseLanguage(Locale.FRENCH);
        navigate("change-templates");

        fillIn(_get(TextField.class, spec -> spec.withId("template-name")), name);
        fillIn(_get(TextArea.class, spec -> spec.withId("template-fields")), "pools[*].name|9|1");
        _click(_get(Button.class, spec -> spec.withId("create-template")));

        Div error = _get(Div.class, spec -> spec.withId("templates-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("« pools[*].name|9|1 »").doesNotContain("is not a line");
        assertThat(_get(TextField.class, spec -> spec.withId("template-name")).getValue())
                .isEqualTo(name);
        assertThat(changes.templates()).extracting(ChangeTemplate::name).doesNotContain(name);
    }

    @Test
    void anOperatorReadsTheTemplatesButNeitherWritesNorApprovesThem() {
        String name = "Read only " + UUID.randomUUID();
        signIn("tpl-admin", Role.ADMIN);
        changes.createTemplate(name, FIELDS);
        signIn("tpl-operator", Role.OPERATOR);

        navigate("change-templates");

        assertThat(row(template(name))).contains(name);
        assertThat(_find(TextField.class, spec -> spec.withId("template-name"))).isEmpty();
        @SuppressWarnings("unchecked")
        Grid<ChangeTemplate> grid = _get(Grid.class, spec -> spec.withId("templates"));
        assertThat(grid.getColumnByKey("approve")).isNull();
    }

    @Test
    void theAdministratorWhoWroteATemplateIsNotOfferedToApproveItAgain() {
        String name = "Own " + UUID.randomUUID();
        signIn("tpl-both", Role.ADMIN, Role.APPROVER);
        changes.createTemplate(name, FIELDS);

        navigate("change-templates");

        assertThat(approveButton(template(name)).isVisible()).isFalse();
    }

    private ChangeTemplate template(String name) {
        return changes.templates().stream()
                .filter(template -> template.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The approve button of the template's row: grid cells are rendered apart from the page. */
    private static Button approveButton(ChangeTemplate template) {
        @SuppressWarnings("unchecked")
        Grid<ChangeTemplate> grid = _get(Grid.class, spec -> spec.withId("templates"));
        List<ChangeTemplate> rows = GridKt._fetch(grid, 0, GridKt._size(grid));
        int index = rows.stream().map(ChangeTemplate::id).toList().indexOf(template.id());
        Button button = (Button) GridKt._getCellComponent(grid, index, "approve");
        assertThat(button.getId()).contains("approve-template-" + template.id());
        return button;
    }

    private static String row(ChangeTemplate template) {
        @SuppressWarnings("unchecked")
        Grid<ChangeTemplate> grid = _get(Grid.class, spec -> spec.withId("templates"));
        List<ChangeTemplate> rows = GridKt._fetch(grid, 0, GridKt._size(grid));
        int index = rows.stream().map(ChangeTemplate::id).toList().indexOf(template.id());
        assertThat(index).as("row of template %s", template.id()).isNotNegative();
        return GridKt._getFormattedRow(grid, index).toString();
    }
}
