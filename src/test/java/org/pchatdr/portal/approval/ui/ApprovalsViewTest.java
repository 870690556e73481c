package org.pchatdr.portal.approval.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.ApprovalInbox;
import org.pchatdr.portal.approval.SampleSubjects;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.approval.WaitingItem;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.ui.RunFixtures;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

class ApprovalsViewTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    ApprovalInbox inbox;

    @Autowired
    SampleSubjects samples;

    @Test
    void anApproverIsAskedToApproveARunTheRequesterIsNot() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        RunView run = fixtures.request(fixtures.publishedContoso(), RunKind.DRILL, "inbox-alice");

        signIn("inbox-carol", Role.APPROVER);
        navigate("approvals");
        int row = rowOf(new Subject("run", run.id()));
        assertThat(row).isNotNegative();
        WaitingItem item = GridKt._get(grid(), row);
        assertThat(item.kindLabel()).isEqualTo("Drill");
        assertThat(item.summary())
                .startsWith("Site failover to the secondary site")
                .endsWith(" · " + RunFixtures.POOL);
        assertThat(((Span) GridKt._getCellComponent(grid(), row, "need")).getText())
                .isEqualTo("Approve the run");
        assertThat(((Anchor) GridKt._getCellComponent(grid(), row, "subject")).getText())
                .isEqualTo("Run " + run.id());
        GridKt._clickItem(grid(), row, 0, false, false, false, false);
        assertThat(currentPath()).isEqualTo("runs/" + run.id());

        signIn("inbox-alice", Role.OPERATOR, Role.APPROVER);
        navigate("approvals");
        assertThat(rowOf(new Subject("run", run.id()))).isNegative();
    }

    @Test
    void whatAnotherKindOfSubjectAsksWaitsInTheSameInboxAndBadge() {
        signIn("inbox-erin", Role.APPROVER);
        int before = inbox.count();
        Subject subject = new Subject("sample", 7);
        samples.offer(
                "inbox-erin",
                new WaitingItem(
                        subject,
                        "samples/7",
                        "Sample 7",
                        "Sample check",
                        "Review the sample",
                        "a subject of another feature",
                        "inbox-frank",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        new WaitingItem.Marker("Late", "Due yesterday", true)));
        try {
            navigate("approvals");

            int row = rowOf(subject);
            assertThat(row).as("oldest first").isZero();
            Div need = (Div) GridKt._getCellComponent(grid(), row, "need");
            assertThat(need.getChildren().map(child -> ((Span) child).getText()))
                    .containsExactly("Review the sample", " ", "Late");
            assertThat(((Anchor) GridKt._getCellComponent(grid(), row, "subject")).getHref())
                    .isEqualTo("samples/7");
            assertThat(badge().getText()).isEqualTo(Integer.toString(before + 1));
        } finally {
            samples.withdrawAll("inbox-erin");
        }
    }

    @Test
    void theNavigationShowsHowManyThingsWaitForTheApprover() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        fixtures.request(fixtures.publishedContoso(), RunKind.DRILL, "badge-alice");
        TestAccounts.signIn("badge-dave", Role.APPROVER);
        int waiting = inbox.items(Locale.ENGLISH).size();
        signIn("badge-dave", Role.APPROVER);
        navigate("");
        assertThat(badge().getText()).isEqualTo(Integer.toString(waiting));
        assertThat(badge().getElement().getAttribute("aria-label")).isEqualTo(waiting + " waiting");
        assertThat(approvalsEntry().getSuffixComponent()).isSameAs(badge());

        fixtures.request(fixtures.publishedContoso(), RunKind.PLANNED, "badge-bob");
        signIn("badge-dave", Role.APPROVER);
        navigate("runs");

        assertThat(badge().getText()).isEqualTo(Integer.toString(waiting + 1));
    }

    @Test
    void operatorsHaveNeitherTheApprovalsEntryNorItsBadge() {
        signIn("inbox-operator", Role.OPERATOR);
        navigate("");
        assertThat(navigation().getItems()).extracting(SideNavItem::getLabel).doesNotContain("Approvals");
        _assertNone(Span.class, spec -> spec.withId("nav-badge-approvals"));
    }

    /** The row of the subject's item; -1 when it has none, or when the inbox says nothing waits. */
    private static int rowOf(Subject subject) {
        if (_find(Grid.class, spec -> spec.withId("approvals")).isEmpty()) {
            assertThat(_get(Div.class, spec -> spec.withId("approvals-empty")).getText())
                    .isEqualTo("Nothing waits for your decision.");
            return -1;
        }
        List<WaitingItem> items = GridKt._findAll(grid());
        for (int row = 0; row < items.size(); row++) {
            if (items.get(row).subject().equals(subject)) {
                return row;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static Grid<WaitingItem> grid() {
        return _get(Grid.class, spec -> spec.withId("approvals"));
    }

    private static SideNav navigation() {
        return _get(SideNav.class, spec -> spec.withId("main-navigation"));
    }

    private static SideNavItem approvalsEntry() {
        return navigation().getItems().stream()
                .filter(item -> item.getLabel().equals("Approvals"))
                .findFirst()
                .orElseThrow();
    }

    private static Span badge() {
        return _get(Span.class, spec -> spec.withId("nav-badge-approvals"));
    }
}
