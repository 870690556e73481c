package org.pchatdr.portal.change.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.ApprovalInbox;
import org.pchatdr.portal.approval.WaitingItem;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.change.ChangeDraft;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeState;
import org.pchatdr.portal.change.ChangeSummary;
import org.pchatdr.portal.change.ChangeType;
import org.pchatdr.portal.change.ChangeView;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologySummary;
import org.springframework.beans.factory.annotation.Autowired;

/** The change list and the change page, as operators and approvers use them. */
class ChangePagesTest extends KaribuTest {

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    Clock clock;

    @Autowired
    TopologyService topologies;

    @Autowired
    ChangeService changes;

    @Autowired
    ApprovalInbox approvalInbox;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void anApproverSeesTheDiffTheRiskWithItsReasonsAndApprovesTheRevisionOnThePage() {
        ChangeView change = submittedHighChange();
        signIn("page-carol", Role.APPROVER);

        navigate("changes/" + change.id());

        assertThat(_get(Span.class, spec -> spec.withId("change-risk")).getText())
                .startsWith("Risk: High");
        assertThat(items("change-risk-reasons")).containsExactly("High · Active servers · pools[0].servers[1].active");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("change-diff"))))
                .isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withId("change-approve")));

        assertThat(items("change-approvals")).singleElement().asString().startsWith("page-carol: approved, revision 1");
        assertThat(_get(Span.class, spec -> spec.withId("change-state")).getText())
                .isEqualTo("Submitted");
        assertThat(changes.change(change.id()).approvals().getFirst().decisions())
                .hasSize(1);
    }

    @Test
    void anotherChangeOverlappingOnThePoolIsShownOnThePageOfTheOneSubmittedAfter() {
        ChangeView first = submittedHighChange();
        signIn("page-alice", Role.OPERATOR);
        ChangeView second = changes.create(new ChangeDraft(
                "Take pc02 out again",
                ChangeType.NORMAL,
                first.topologyId(),
                2,
                null,
                null,
                "plan",
                "backout",
                "test",
                first.current().windowStart().toString(),
                first.current().windowEnd().toString(),
                "UTC",
                null));
        second = changes.submit(second.id(), second.revision());
        signIn("page-carol", Role.APPROVER);

        navigate("changes/" + second.id());

        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("change-conflicts"))
                        .getText())
                .contains("change " + first.id() + " (pchat.contoso.local)");
    }

    @Test
    void theRequesterIsOfferedNoApproveButton() {
        ChangeView change = submittedHighChange();
        signIn("page-alice", Role.OPERATOR, Role.APPROVER);

        navigate("changes/" + change.id());

        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(
                        Button.class, spec -> spec.withId("change-approve")))
                .isEmpty();
    }

    @Test
    void theListKeepsItsStateFilterInTheAddressAndSpeaksFrench() {
        ChangeView change = submittedHighChange();
        signIn("page-reader", Role.AUDITOR);
        chooseLanguage(Locale.FRENCH);

        navigate("changes", QueryParameters.of("state", "SUBMITTED"));

        @SuppressWarnings("unchecked")
        Select<ChangeState> state = _get(Select.class, spec -> spec.withId("filter-state"));
        assertThat(state.getValue()).isEqualTo(ChangeState.SUBMITTED);
        @SuppressWarnings("unchecked")
        Grid<ChangeSummary> grid = _get(Grid.class, spec -> spec.withId("changes"));
        List<Long> ids = GridKt._fetch(grid, 0, GridKt._size(grid)).stream()
                .map(ChangeSummary::id)
                .toList();
        assertThat(ids).contains(change.id());
        assertThat(GridKt._getFormattedRow(grid, ids.indexOf(change.id()))).contains("Soumis", "Élevé");

        fillIn(state, ChangeState.CLOSED);
        assertThat(currentPath()).isEqualTo("changes?state=CLOSED");
    }

    @Test
    void theListKeepsItsTopologyAndRequesterFiltersInTheAddress() {
        ChangeView change = submittedHighChange();
        ChangeView elsewhere = submittedHighChange();
        signIn("page-reader", Role.AUDITOR);

        navigate(
                "changes",
                QueryParameters.simple(
                        Map.of("topology", Long.toString(change.topologyId()), "requester", "page-alice")));

        @SuppressWarnings("unchecked")
        Select<TopologySummary> topology = _get(Select.class, spec -> spec.withId("filter-topology"));
        assertThat(topology.getValue().id()).isEqualTo(change.topologyId());
        assertThat(_get(TextField.class, spec -> spec.withId("filter-requester"))
                        .getValue())
                .isEqualTo("page-alice");
        @SuppressWarnings("unchecked")
        Grid<ChangeSummary> grid = _get(Grid.class, spec -> spec.withId("changes"));
        assertThat(GridKt._fetch(grid, 0, GridKt._size(grid)))
                .extracting(ChangeSummary::id)
                .containsExactly(change.id())
                .doesNotContain(elsewhere.id());

        fillIn(_get(TextField.class, spec -> spec.withId("filter-requester")), "page-nobody");
        assertThat(currentPath())
                .startsWith("changes?")
                .contains("topology=" + change.topologyId())
                .contains("requester=page-nobody");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("changes"))))
                .isZero();
    }

    @Test
    void aReviewUnsignedAWeekAfterTheImplementationShowsOnEveryonesHomePage() {
        ChangeView change = submittedHighChange();
        implementedEightDaysAgo(change);
        signIn("page-reader", Role.AUDITOR);

        navigate("");

        assertThat(_get(com.vaadin.flow.component.html.H3.class, spec -> spec.withId("overdue-reviews-title"))
                        .getText())
                .contains("overdue");
        assertThat(_get(ListItem.class, spec -> spec.withId("overdue-review-" + change.id()))
                        .getElement()
                        .getTextRecursively())
                .contains("Change " + change.id(), "Take pc02 out", "Implemented");
    }

    @Test
    void anOverdueReviewWaitsMarkedOverdueInTheInboxOfAnApproverWhoTookNoPart() {
        ChangeView change = submittedHighChange();
        implementedEightDaysAgo(change);
        signIn("page-rita", Role.APPROVER);

        navigate("approvals");

        @SuppressWarnings("unchecked")
        Grid<WaitingItem> inbox = _get(Grid.class, spec -> spec.withId("approvals"));
        assertThat(GridKt._fetch(inbox, 0, GridKt._size(inbox)))
                .filteredOn(item -> item.path().equals("changes/" + change.id()))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.need()).isEqualTo("Sign the post-implementation review");
                    assertThat(item.marker().text()).isEqualTo("Overdue");
                    assertThat(item.marker().urgent()).isTrue();
                });

        // C-4: whoever implemented it is not asked to review it.
        signIn("page-erin", Role.OPERATOR, Role.APPROVER);
        assertThat(approvalInbox.items(Locale.ENGLISH))
                .noneMatch(item -> item.path().equals("changes/" + change.id()));
    }

    @Test
    void aReviewDueForLessThanAWeekIsNotOnTheHomePage() {
        ChangeView change = submittedHighChange();
        jdbc.update(
                "update change_request set state = 'IMPLEMENTED', outcome = 'SUCCESSFUL', review_due = true,"
                        + " started_by = 'page-erin', started_at = ?, ended_by = 'page-erin', ended_at = ? where id = ?",
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(3))),
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(2))),
                change.id());
        signIn("page-reader", Role.AUDITOR);

        navigate("");

        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(
                        ListItem.class, spec -> spec.withId("overdue-review-" + change.id())))
                .isEmpty();
    }

    private static List<String> items(String id) {
        return _get(UnorderedList.class, spec -> spec.withId(id))
                .getChildren()
                .map(item -> ((ListItem) item).getText())
                .toList();
    }

    /** Contoso published, version 2 with pc02 no longer active: a HIGH change, submitted by page-alice. */
    private ChangeView submittedHighChange() {
        new TestAccounts(userAccounts).standingApprovers();
        signIn("page-alice", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        signIn("page-publisher", Role.APPROVER);
        topologies.publish(id, 1);
        signIn("page-alice", Role.OPERATOR);
        topologies.saveVersion(
                id,
                1,
                TopologySamples.read(Contoso.textWith(
                        "{ \"fqdn\": \"pc02.contoso.local\", \"site\": \"PAR\", \"active\": true }",
                        "{ \"fqdn\": \"pc02.contoso.local\", \"site\": \"PAR\", \"active\": false }")),
                null);
        Instant now = clock.instant();
        ChangeView change = changes.create(new ChangeDraft(
                "Take pc02 out",
                ChangeType.NORMAL,
                id,
                2,
                "Disk replacement",
                null,
                "Set-CsPersistentChatActiveServer",
                "Re-add pc02",
                "Post in a room",
                now.toString(),
                now.plus(Duration.ofHours(2)).toString(),
                "Europe/Paris",
                null));
        return changes.submit(change.id(), change.revision());
    }

    /**
     * Other tests keep planned changes on the Contoso pool (C-8 would block a start), so the
     * implementation is put eight days back in the database: the pages read what the service reads.
     */
    private void implementedEightDaysAgo(ChangeView change) {
        jdbc.update(
                "update change_request set state = 'IMPLEMENTED', outcome = 'SUCCESSFUL', review_due = true,"
                        + " started_by = 'page-erin', started_at = ?, ended_by = 'page-erin', ended_at = ? where id = ?",
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(9))),
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(8))),
                change.id());
    }
}
