package org.pchatdr.portal.change.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.change.ChangeDraft;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeState;
import org.pchatdr.portal.change.ChangeTemplate;
import org.pchatdr.portal.change.ChangeType;
import org.pchatdr.portal.change.ChangeView;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The change page while a change is approved and implemented (issue 13): what changed since an
 * approval, the configuration runs, an approver's extension of the window, and a STANDARD change
 * proposed from its template in the form.
 */
class ChangeImplementationPagesTest extends KaribuTest {

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    Clock clock;

    @Autowired
    TopologyService topologies;

    @Autowired
    ChangeService changes;

    @Test
    void anApproverWhoseApprovalWasVoidedSeesWhatChangedSinceOnThePage() {
        Instant start = clock.instant().minusSeconds(60);
        ChangeView change = approved(published(logShippingCopyMoved()), start, Duration.ofHours(2));
        signIn("impl-alice", Role.OPERATOR);
        change = changes.revise(change.id(), change.revision(), draft(change.topologyId(), start, Duration.ofHours(3)));
        signIn("impl-carol", Role.APPROVER);

        navigate("changes/" + change.id());

        Grid<?> since = _get(Grid.class, spec -> spec.withId("change-since-approved"));
        assertThat(GridKt._size(since)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(since, 0)).contains("windowEnd");
        assertThat(_find(Button.class, spec -> spec.withId("change-approve"))).isNotEmpty();
    }

    @Test
    void anOperatorEditsTheWindowOnThePageAndTheApprovalsAreVoided() {
        // Whole minutes, as the form's pickers show them: only the end moves.
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minusSeconds(60);
        ChangeView change = approved(published(logShippingCopyMoved()), start, Duration.ofHours(2));
        signIn("impl-olga", Role.OPERATOR);
        navigate("changes/" + change.id());

        _click(_get(Button.class, spec -> spec.withId("change-edit")));
        assertThat(_get(TextField.class, spec -> spec.withId("change-form-title"))
                        .getValue())
                .isEqualTo("Move the copy folder");
        DateTimePicker end = _get(DateTimePicker.class, spec -> spec.withId("change-form-end"));
        fillIn(end, end.getValue().plusHours(1));
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        ChangeView revised = changes.change(change.id());
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.state()).isEqualTo(ChangeState.SUBMITTED);
        assertThat(revised.current().windowEnd())
                .isEqualTo(change.current().windowEnd().plus(Duration.ofHours(1)));
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("change-state"))
                        .getText())
                .isEqualTo("Submitted");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("change-since-approved"))))
                .isEqualTo(1);
    }

    @Test
    void theChangePageListsItsConfigurationRunAndAnotherApproverExtendsTheWindowThere() {
        ChangeView change =
                approved(published(logShippingCopyMoved()), clock.instant().minusSeconds(60), Duration.ofHours(2));
        signIn("impl-erin", Role.OPERATOR);
        change = changes.start(change.id(), change.revision());
        long run = change.runs().getFirst().runId();
        signIn("impl-rita", Role.APPROVER);

        navigate("changes/" + change.id());

        assertThat(_get(Anchor.class, spec -> spec.withText("Run " + run)).getHref())
                .isEqualTo("runs/" + run);
        fillIn(
                _get(DateTimePicker.class, spec -> spec.withId("change-extend-until")),
                LocalDateTime.now(clock).plusHours(4).truncatedTo(ChronoUnit.MINUTES));
        fillIn(_get(TextArea.class, spec -> spec.withId("change-comment")), "The copy share is slow");
        _click(_get(Button.class, spec -> spec.withId("change-extend")));

        assertThat(_find(Paragraph.class, spec -> spec.withClasses("change-extension")))
                .singleElement()
                .satisfies(
                        paragraph -> assertThat(paragraph.getText()).contains("impl-rita", "The copy share is slow"));
        assertThat(changes.change(change.id()).extensions()).hasSize(1);
    }

    @Test
    void theConfigurationRunsPageOffersItsImplementerTheStartAndAnApproverWhoTookNoPartNoApproval() {
        ChangeView change =
                approved(published(logShippingCopyMoved()), clock.instant().minusSeconds(60), Duration.ofHours(2));
        signIn("impl-erin", Role.OPERATOR);
        change = changes.start(change.id(), change.revision());
        long run = change.runs().getFirst().runId();

        // Its approval is the change's (issue 13): nothing to approve, reject or withdraw on the run.
        signIn("impl-rita", Role.APPROVER);
        navigate("runs/" + run);
        assertThat(_find(Button.class, spec -> spec.withId("approve"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("reject"))).isEmpty();

        signIn("impl-erin", Role.OPERATOR);
        navigate("runs/" + run);
        _click(_get(Button.class, spec -> spec.withId("start-run")));
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("run-state"))
                        .getText())
                .isEqualTo("In progress");
    }

    @Test
    void anOperatorProposesAStandardChangeFromItsTemplateInTheFormAndItNeedsNoApproval() {
        TestAccounts.signIn("impl-admin", Role.ADMIN);
        long template = changes.createTemplate("Alert thresholds", "pools[*].logShipping.backupAlertMinutes|30|120");
        TestAccounts.signIn("impl-approver", Role.APPROVER);
        changes.approveTemplate(template);
        long topology = published(Contoso.textWith("\"backupAlertMinutes\": 60", "\"backupAlertMinutes\": 90"));
        signIn("impl-alice", Role.OPERATOR);
        navigate("changes", QueryParameters.simple(Map.of("propose", Long.toString(topology), "version", "2")));

        @SuppressWarnings("unchecked")
        Select<ChangeType> type = _get(Select.class, spec -> spec.withId("change-form-type"));
        fillIn(type, ChangeType.STANDARD);
        @SuppressWarnings("unchecked")
        Select<ChangeTemplate> templates = _get(Select.class, spec -> spec.withId("change-form-template"));
        fillIn(
                templates,
                templates
                        .getListDataView()
                        .getItems()
                        .filter(each -> each.id() == template)
                        .findFirst()
                        .orElseThrow());
        fillIn(_get(TextField.class, spec -> spec.withId("change-form-title")), "Alert later");
        fillIn(_get(TextArea.class, spec -> spec.withId("change-form-implementation")), "Publish version 2");
        fillIn(_get(TextArea.class, spec -> spec.withId("change-form-backout")), "Publish version 1");
        fillIn(_get(TextArea.class, spec -> spec.withId("change-form-test")), "Watch the alert");
        LocalDateTime start = LocalDateTime.now(clock).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        fillIn(_get(DateTimePicker.class, spec -> spec.withId("change-form-start")), start);
        fillIn(_get(DateTimePicker.class, spec -> spec.withId("change-form-end")), start.plusHours(2));
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(currentPath()).matches("changes/\\d+");
        long id = Long.parseLong(currentPath().substring("changes/".length()));
        assertThat(changes.change(id).type()).isEqualTo(ChangeType.STANDARD);
        assertThat(changes.change(id).templateId()).isEqualTo(template);
        _click(_get(Button.class, spec -> spec.withId("change-submit")));
        assertThat(changes.change(id).state()).isEqualTo(ChangeState.APPROVED);
    }

    /** Contoso published at version 1, {@code second} saved as version 2. */
    private long published(String second) {
        new TestAccounts(userAccounts).standingApprovers();
        TestAccounts.signIn("impl-alice", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        TestAccounts.signIn("impl-publisher", Role.APPROVER);
        topologies.publish(id, 1);
        TestAccounts.signIn("impl-alice", Role.OPERATOR);
        topologies.saveVersion(id, 1, TopologySamples.read(second), null);
        return id;
    }

    private static String logShippingCopyMoved() {
        return Contoso.textWith(
                "\"copyDestination\": \"D:\\\\PChatLogShipCopy\"", "\"copyDestination\": \"E:\\\\PChatLogShipCopy\"");
    }

    /** A HIGH change of version 2, its window open now, submitted by impl-alice, approved twice. */
    private ChangeView approved(long topology, Instant start, Duration length) {
        TestAccounts.signIn("impl-alice", Role.OPERATOR);
        ChangeView change = changes.create(draft(topology, start, length));
        change = changes.submit(change.id(), change.revision());
        TestAccounts.signIn("impl-carol", Role.APPROVER);
        change = changes.approve(change.id(), change.revision(), null);
        TestAccounts.signIn("impl-dave", Role.APPROVER);
        return changes.approve(change.id(), change.revision(), null);
    }

    private static ChangeDraft draft(long topology, Instant now, Duration length) {
        return new ChangeDraft(
                "Move the copy folder",
                ChangeType.NORMAL,
                topology,
                2,
                "Disk D is full",
                null,
                "Run the configuration procedure",
                "Publish version 1",
                "Check a restore",
                now.toString(),
                now.plus(length).toString(),
                "UTC",
                null);
    }
}
