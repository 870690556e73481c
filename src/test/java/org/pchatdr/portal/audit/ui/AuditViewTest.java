package org.pchatdr.portal.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.AuditableEvent;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunEvent;
import org.pchatdr.portal.security.AccountAction;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.security.UserSummary;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class AuditViewTest extends KaribuTest {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    @Autowired
    private UserAccountService userAccounts;

    @Autowired
    private AuditService audit;

    @Autowired
    private org.springframework.context.ApplicationEventPublisher events;

    /** Someone the administrator created and then gave other roles: two records about them. */
    private String subject;

    @BeforeEach
    void anAdministratorLeavesRecordsThenAnAuditorReadsThem() {
        subject = "audit-subject-" + SUBJECTS.incrementAndGet();
        signIn("admin", Role.ADMIN);
        UserSummary created = userAccounts.createUser(subject, Set.of(Role.OPERATOR), "Temporary-Pass-123");
        userAccounts.changeRoles(created.id(), created.version(), Set.of(Role.APPROVER));

        signIn("audit-reader", Role.AUDITOR);
        navigate("audit");
    }

    @Test
    void anAuditorOpeningAFilteredAddressSeesTheCreationOfTheFirstAdministrator() {
        navigate("audit", QueryParameters.fromString("target=admin&action=USER_CREATED"));

        assertThat(_get(TextField.class, spec -> spec.withId("filter-target")).getValue())
                .isEqualTo("admin");
        assertThat(rows()).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("USER_CREATED");
            assertThat(entry.actor()).isEqualTo("system");
            assertThat(entry.target()).isEqualTo("admin");
        });
    }

    @Test
    void filteringByTargetShowsOnlyRecordsAboutThatUserAndPutsTheFilterInTheAddress() {
        int unfiltered = rows().size();

        fillIn(_get(TextField.class, spec -> spec.withId("filter-target")), subject);

        assertThat(currentPath()).isEqualTo("audit?target=" + subject);

        List<AuditEntry> filtered = rows();
        assertThat(filtered).hasSizeLessThan(unfiltered);
        assertThat(filtered).extracting(AuditEntry::action).containsExactly("ROLES_CHANGED", "USER_CREATED");
        assertThat(filtered).extracting(AuditEntry::target).containsOnly(subject);
    }

    @Test
    @SuppressWarnings("unchecked")
    void filteringByActionShowsOnlyThatAction() {
        int unfiltered = rows().size();
        ComboBox<String> action = _get(ComboBox.class, spec -> spec.withId("filter-action"));

        fillIn(action, "ROLES_CHANGED");

        List<AuditEntry> filtered = rows();
        assertThat(filtered).hasSizeLessThan(unfiltered);
        assertThat(filtered).extracting(AuditEntry::action).containsOnly("ROLES_CHANGED");
        assertThat(filtered).extracting(AuditEntry::target).contains(subject);
    }

    @Test
    void openingARecordShowsItsFullDetailsBeforeAndAfter() {
        fillIn(_get(TextField.class, spec -> spec.withId("filter-target")), subject);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-records"));

        GridKt._clickItem(grid, 0);

        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("audit-details-text"))
                        .getText())
                .isEqualTo("[OPERATOR] -> [APPROVER]");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("audit-details"))
                        .getElement()
                        .getTextRecursively())
                .contains("Client address: ");
    }

    @Test
    void olderPagesFollowTheSequenceCursorAndNewerComesBack() {
        for (int check = 0; check <= 50; check++) {
            // Each check of the chain is itself a record: more than one page of them.
            _click(_get(Button.class, spec -> spec.withId("verify-chain")));
        }
        List<AuditEntry> first = rows();
        assertThat(first).hasSize(50);

        _click(_get(Button.class, spec -> spec.withId("audit-older")));
        List<AuditEntry> second = rows();
        assertThat(second.getFirst().seq()).isLessThan(first.getLast().seq());

        _click(_get(Button.class, spec -> spec.withId("audit-newer")));
        assertThat(rows()).isEqualTo(first);
    }

    @Test
    void theCountShownBeforeAnExportIsTheNumberOfRecordsTheExportHoldsUnderTheSameFilter() {
        fillIn(_get(TextField.class, spec -> spec.withId("filter-target")), subject);
        assertThat(_get(Span.class, spec -> spec.withId("audit-count")).getText())
                .isEqualTo("2 matching records");

        String csv = new String(
                DownloadKt._download(_get(Anchor.class, spec -> spec.withId("audit-export-csv"))),
                StandardCharsets.UTF_8);

        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).startsWith("seq,occurredAt,actor,action,target,");
        assertThat(lines.subList(1, lines.size() - 1))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains(",admin,", "," + subject + ","));
        assertThat(lines.getLast())
                .startsWith("# manifest ")
                .contains("\"filter\":{\"target\":\"" + subject + "\"}", "\"count\":2");
    }

    @Test
    void verifyingTheChainReportsItIntact() {
        _click(_get(Button.class, spec -> spec.withId("verify-chain")));

        assertThat(_get(Span.class, spec -> spec.withId("verification-result")).getText())
                .matches("Chain intact: [0-9,]+ records checked\\. Complete: no record missing \\([0-9,]+ signed"
                        + " checkpoints checked\\)\\.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFrenchAuditorReadsTheActionsInFrench() {
        chooseLanguage(Locale.FRENCH);
        navigate("audit");
        fillIn(_get(TextField.class, spec -> spec.withId("filter-target")), subject);

        Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-records"));
        List<String> actions = List.of(
                GridKt._getFormattedRow(grid, 0).get(3),
                GridKt._getFormattedRow(grid, 1).get(3));
        assertThat(actions).containsExactly("Rôles modifiés", "Utilisateur créé");
        ComboBox<String> filter = _get(ComboBox.class, spec -> spec.withId("filter-action"));
        assertThat(filter.getItemLabelGenerator().apply("SIGNED_IN")).isEqualTo("Connexion");
    }

    /** A record as the portal wrote them before issue 12: English text, its own comment as a key. */
    record RecordedBefore(String target) implements AuditableEvent {

        @Override
        public String actor() {
            return "audit-old-writer";
        }

        @Override
        public String action() {
            return "TOPOLOGY_VERSION_SAVED";
        }

        @Override
        public String details() {
            return "comment: i18n:topologies.import.comment";
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFrenchAuditorReadsTheDetailsInFrenchAndOlderRecordsAsRecordedWithoutKeys() {
        String old = "topology legacy " + SUBJECTS.incrementAndGet();
        events.publishEvent(new RecordedBefore(old));
        _click(_get(Button.class, spec -> spec.withId("verify-chain")));
        chooseLanguage(Locale.FRENCH);
        navigate("audit");
        Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-records"));
        int details = grid.getColumns().indexOf(grid.getColumnByKey("details"));

        fillIn(_get(ComboBox.class, spec -> spec.withId("filter-action")), "AUDIT_CHAIN_VERIFIED");
        assertThat(GridKt._getFormattedRow(grid, 0).get(details))
                .matches("intacte, [0-9 \u202f\u00a0]+ enregistrements");

        fillIn(_get(ComboBox.class, spec -> spec.withId("filter-action")), null);
        fillIn(_get(TextField.class, spec -> spec.withId("filter-target")), old);
        assertThat(GridKt._getFormattedRow(grid, 0).get(details))
                .as("the stored English stays, the key is said in words")
                .isEqualTo("comment: Importé depuis un fichier");
    }

    /** Labels for every action the portal records: the enums and the codes already on the trail. */
    @Test
    void everyActionHasALabelInBothLanguages() {
        AuditView view = _get(AuditView.class);
        List<String> codes = new ArrayList<>(audit.actions());
        Arrays.stream(AccountAction.values()).map(Enum::name).forEach(codes::add);
        Arrays.stream(RunEvent.Action.values()).map(Enum::name).forEach(codes::add);
        assertThat(codes).contains("USER_CREATED", "RUN_REQUESTED");

        for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            for (String code : codes) {
                assertThat(view.getTranslation(language, "audit.action." + code))
                        .as("label of %s in %s", code, language)
                        .doesNotStartWith("!")
                        .isNotEqualTo(code);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<AuditEntry> rows() {
        return GridKt._findAll(_get(Grid.class, spec -> spec.withId("audit-records")));
    }
}
