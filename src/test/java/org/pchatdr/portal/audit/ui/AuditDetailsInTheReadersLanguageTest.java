package org.pchatdr.portal.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.approval.ApprovalPolicyService;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.backup.DatabaseBackedUp;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.change.ChangeEvent;
import org.pchatdr.portal.review.EvidenceEvent;
import org.pchatdr.portal.review.ReviewEvent;
import org.pchatdr.portal.run.RunEvent;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.security.AccountAction;
import org.pchatdr.portal.security.AccountEvent;
import org.pchatdr.portal.security.ApiTokenService;
import org.pchatdr.portal.security.LockoutPolicy;
import org.pchatdr.portal.security.SecuritySettingsService;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.EnglishFragments;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.SampleRun;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Issue 12: the details of every audit record whose words the portal writes reach a French reader
 * in French, in the grid of the audit trail, while the record keeps its English text exactly as it
 * was written before the details became messages (the hash chain covers it, exports and the review
 * read it). The runs, accounts and settings go through their services as people use them; the
 * events of the features other pages test (change requests, reviews, evidence, backups, sign-ins)
 * are published as their services word them.
 */
class AuditDetailsInTheReadersLanguageTest extends KaribuTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Value("${spring.messages.basename}")
    String basenames;

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    UserAccountService users;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    SecuritySettingsService settings;

    @Autowired
    ApprovalPolicyService policies;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @Test
    void aRunWalkedToItsDataLossGateReadsInFrenchAndKeepsItsEnglishWordForWord() {
        SampleRun sample = SampleRun.create(topologies, runs, "details drill");
        String operator = "details-bob";
        signIn("details-carol", Role.APPROVER);
        RunView run = runs.approve(sample.runId(), runs.version(sample.runId()), "go");
        signIn(operator, Role.OPERATOR);
        run = runs.start(run.id(), run.version());
        run = runs.startStep(run.id(), run.version(), 1);
        run = runs.failStep(run.id(), run.version(), 1, "login refused");
        run = runs.retryStep(run.id(), run.version(), 1);
        run = runs.completeStep(run.id(), run.version(), 1, "checked", null);
        int gate = run.dataLoss().gateStep();
        for (int step = 2; step < gate; step++) {
            run = runs.startStep(run.id(), run.version(), step);
            run = runs.completeStep(run.id(), run.version(), step, null, null);
        }
        Instant lost = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        run = runs.recordDataLoss(run.id(), run.version(), "mgc_last.trn", lost.minus(Duration.ofMinutes(2)), lost);
        signIn("details-carol", Role.APPROVER);
        run = runs.acceptDataLoss(run.id(), run.version(), "ok, 2 min");
        signIn(operator, Role.OPERATOR);
        run = runs.requestSkip(run.id(), run.version(), gate, "already up");
        signIn("details-dave", Role.APPROVER);
        run = runs.approveSkip(run.id(), run.version(), gate, null);
        signIn(operator, Role.OPERATOR);
        runs.abort(run.id(), run.version(), "drill over");

        Map<String, List<String>> english = stored("filter-subject", "run " + sample.runId());

        // Word for word what the trail said before its details became messages.
        String figures = "last log backup mgc_last.trn of " + lost.minus(Duration.ofMinutes(2)) + ", primary lost "
                + lost + ": 120 s of data, RPO target ";
        assertThat(english.get("RUN_APPROVED")).containsExactly("1 of 1 approvals");
        assertThat(english.get("STEP_FAILED")).containsExactly("step 1: login refused");
        assertThat(english.get("STEP_RETRIED")).containsExactly("step 1");
        assertThat(english.get("STEP_DONE")).contains("step 1: checked");
        assertThat(english.get("RUN_ABORTED")).containsExactly("drill over");
        String recorded = english.get("DATA_LOSS_RECORDED").getFirst();
        assertThat(recorded).startsWith(figures).matches(".*RPO target (-|[0-9]+ min)$");
        assertThat(english.get("DATA_LOSS_ACCEPTED")).containsExactly(recorded + ", accepted: ok, 2 min");
        String skip = english.get("STEP_SKIP_REQUESTED").getFirst();
        assertThat(skip)
                .startsWith("step " + gate + " (F-4 ")
                .endsWith("), the data-loss gate step: gate passed, " + recorded
                        + ", accepted by details-carol: already up");
        assertThat(english.get("STEP_SKIPPED")).containsExactly(skip.replace(": already up", ""));

        Map<String, List<String>> french = frenchGrid("filter-subject", "run " + sample.runId());
        assertThat(french.get("RUN_APPROVED")).containsExactly("1 approbation sur 1");
        assertThat(french.get("STEP_FAILED")).containsExactly("étape 1 : login refused");
        assertThat(french.get("STEP_DONE")).contains("étape 1 : checked");
        assertThat(french.get("DATA_LOSS_ACCEPTED").getFirst())
                .startsWith("dernière sauvegarde du journal mgc_last.trn du " + lost.minus(Duration.ofMinutes(2)))
                .contains(" : 120 s de données, RPO cible ")
                .endsWith(", perte acceptée : ok, 2 min");
        assertThat(french.get("STEP_SKIPPED").getFirst())
                .startsWith("étape " + gate + " (F-4 ")
                .contains("l’étape gardée par le contrôle de perte de données : contrôle passé");
        assertNoEnglish(french);
    }

    @Test
    void accountsTokensAndSettingsReadInFrenchAndKeepTheirEnglishWordForWord() {
        String admin = "details-admin-" + NAMES.incrementAndGet();
        signIn(admin, Role.ADMIN);
        String created = "details-user-" + NAMES.incrementAndGet();
        users.createUser(created, Set.of(Role.OPERATOR, Role.APPROVER), "Temporary-Pass-123");
        var token = tokens.create("nightly export", clock.instant().plus(Duration.ofDays(10)));
        tokens.revoke(token.summary().id());
        LockoutPolicy lockout = settings.lockoutPolicy();
        LockoutPolicy tighter = new LockoutPolicy(lockout.maxFailures() + 1, lockout.window(), lockout.duration());
        settings.changeLockoutPolicy(settings.changeLockoutPolicy(lockout, tighter), lockout);
        String kind = policies.kinds().getLast().kind();
        ApprovalPolicy policy = policies.policy(kind);
        ApprovalPolicy longer = new ApprovalPolicy(
                policy.requiredApprovers(),
                policy.executorMayApprove(),
                policy.validity().plusHours(1),
                policy.ratificationWindow(),
                policy.dataLossGateWaived());
        policies.changePolicy(kind, policies.changePolicy(kind, policy, longer), policy);

        Map<String, List<String>> english = stored("filter-actor", admin);
        String roles = EnumSet.of(Role.OPERATOR, Role.APPROVER).toString();
        assertThat(english.get("USER_CREATED")).containsExactly("roles=" + roles);
        assertThat(english.get("TOKEN_CREATED").getFirst())
                .matches("token [0-9]+ 'nightly export', expires 20[0-9-]+T[0-9:.]+Z");
        assertThat(english.get("TOKEN_REVOKED").getFirst()).matches("token [0-9]+ 'nightly export'");
        assertThat(english.get("SETTINGS_CHANGED"))
                .contains(lockout + " -> " + tighter, tighter + " -> " + lockout, policy + " -> " + longer);

        Map<String, List<String>> french = frenchGrid("filter-actor", admin);
        assertThat(french.get("USER_CREATED")).containsExactly("rôles : " + roles);
        assertThat(french.get("TOKEN_CREATED").getFirst()).matches("jeton [0-9]+ 'nightly export', expire le .+");
        assertThat(french.get("SETTINGS_CHANGED"))
                .anySatisfy(text -> assertThat(text).contains(" échecs en ", " min, verrouillage de ", " -> "));
        assertNoEnglish(french);
    }

    @Test
    void theOtherFeaturesEventsReadInFrenchAndKeepTheirEnglishWordForWord() {
        String actor = "details-other-" + NAMES.incrementAndGet();
        Map<AuditableCase, String> cases = new LinkedHashMap<>();
        cases.put(
                new AuditableCase(new ChangeEvent(
                        actor,
                        ChangeEvent.Action.CHANGE_APPROVALS_VOIDED,
                        7,
                        3,
                        "abc123",
                        null,
                        AuditMessage.of("audit.details.CHANGE_APPROVALS_VOIDED", 2, 2, "def456"))),
                "hash abc123; 2 approval(s) of revision 2 (def456) voided");
        cases.put(
                new AuditableCase(new ChangeEvent(
                        actor,
                        ChangeEvent.Action.CHANGE_FREEZE_ADDED,
                        0,
                        0,
                        null,
                        null,
                        AuditMessage.of(
                                "audit.details.CHANGE_FREEZE_ADDED",
                                4,
                                "2026-12-24T00:00:00Z",
                                "2026-12-26T00:00:00Z",
                                AuditMessage.of("audit.details.change.all-pools"),
                                "holidays"))),
                "freeze #4 2026-12-24T00:00:00Z .. 2026-12-26T00:00:00Z all pools: holidays");
        cases.put(
                new AuditableCase(new ChangeEvent(
                        actor,
                        ChangeEvent.Action.CHANGE_STARTED,
                        7,
                        3,
                        "abc123",
                        null,
                        AuditMessage.of(
                                "audit.details.CHANGE_STARTED",
                                AuditMessage.of(
                                        "audit.details.change.and",
                                        AuditMessage.of("audit.details.change.run-on", "mirroring", "pc.contoso"),
                                        AuditMessage.of(
                                                "audit.details.change.run-on", "log-shipping", "pc.contoso"))))),
                "hash abc123; configuration runs: [mirroring on pc.contoso, log-shipping on pc.contoso]");
        cases.put(
                new AuditableCase(new ReviewEvent(
                        actor,
                        ReviewEvent.Action.REVIEW_RETURNED,
                        9,
                        null,
                        null,
                        AuditMessage.of(
                                "audit.details.review.then",
                                AuditMessage.of("audit.details.review.part", "redo it"),
                                AuditMessage.of("audit.details.review.findings", 2)))),
                "redo it; 2 finding(s)");
        cases.put(
                new AuditableCase(new ReviewEvent(
                        actor,
                        ReviewEvent.Action.FINDING_RECORDED,
                        9,
                        5L,
                        null,
                        AuditMessage.of("audit.details.FINDING_RECORDED", "Slow restore", "erin", "2026-12-31"))),
                "Slow restore (owner erin, due 2026-12-31)");
        cases.put(
                new AuditableCase(new EvidenceEvent(
                        actor,
                        EvidenceEvent.Action.EVIDENCE_GENERATED,
                        "run 9",
                        null,
                        AuditMessage.of("audit.details.EVIDENCE_GENERATED", "f00d", "42", "beef"))),
                "manifest sha256 f00d, audit chain head 42 beef");
        cases.put(new AuditableCase(new DatabaseBackedUp(actor, "portal-" + actor + ".zip", 1234567)), "1234567 bytes");
        cases.put(
                new AuditableCase(new AccountEvent(
                        AccountAction.ACCOUNT_LOCKED,
                        actor,
                        actor,
                        null,
                        AuditMessage.of("audit.details.ACCOUNT_LOCKED", 5, "PT15M", "2026-12-03T03:15:00Z"))),
                "5 failed sign-ins within PT15M; locked until 2026-12-03T03:15:00Z");
        cases.put(
                new AuditableCase(new AccountEvent(
                        AccountAction.SIGN_IN_FAILED,
                        actor,
                        actor,
                        null,
                        AuditMessage.of(
                                "audit.details.SIGN_IN_FAILED",
                                "UI",
                                AuditMessage.of("audit.details.sign-in.bad-credentials")))),
                "channel=UI, reason=bad-credentials");
        cases.put(
                new AuditableCase(new RunEvent(
                        actor,
                        RunEvent.Action.RUN_EMERGENCY_STARTED,
                        11,
                        "pc.contoso",
                        null,
                        AuditMessage.of("audit.details.RUN_EMERGENCY_STARTED", "2026-12-04T03:00:00Z", "site lost"))),
                "ratify by 2026-12-04T03:00:00Z, reason: site lost");
        // Not a run's end: the review would open one for the run, which does not exist here.
        cases.put(
                new AuditableCase(new RunEvent(
                        actor,
                        RunEvent.Action.RUN_RATIFICATION_OVERDUE,
                        11,
                        "pc.contoso",
                        null,
                        AuditMessage.of("audit.details.RUN_RATIFICATION_OVERDUE", "2026-12-04T03:00:00Z"))),
                "ratification was due by 2026-12-04T03:00:00Z");
        signIn(actor, Role.ADMIN);
        cases.keySet().forEach(each -> events.publishEvent(each.event()));

        Map<String, List<String>> english = stored("filter-actor", actor);
        cases.forEach((each, expected) -> assertThat(english.get(each.event().action()))
                .as(each.event().action())
                .containsExactly(expected));
        Map<String, List<String>> french = frenchGrid("filter-actor", actor);
        assertThat(french.get("DATABASE_BACKED_UP").getFirst()).matches("1\\h?234\\h?567 octets");
        assertThat(french.get("CHANGE_APPROVALS_VOIDED"))
                .containsExactly("empreinte abc123 ; 2 approbations annulées pour la révision 2 (def456)");
        assertThat(french.get("REVIEW_RETURNED")).containsExactly("redo it ; 2 constats");
        assertNoEnglish(french);
    }

    /** An event to publish; a record so that each case is its own key. */
    record AuditableCase(org.pchatdr.portal.base.AuditableEvent event) {}

    /** The stored (English) details of the records {@code filter} finds, by action, oldest first. */
    private Map<String, List<String>> stored(String filter, String value) {
        return read(filter, value, false);
    }

    /** The details as the grid shows them to a French auditor, by action, oldest first. */
    private Map<String, List<String>> frenchGrid(String filter, String value) {
        return read(filter, value, true);
    }

    private Map<String, List<String>> read(String filter, String value, boolean french) {
        signIn("details-auditor", Role.AUDITOR);
        if (french) {
            chooseLanguage(Locale.FRENCH);
        }
        navigate("audit");
        fillIn(_get(TextField.class, spec -> spec.withId(filter)), value);
        Grid<AuditEntry> grid = grid();
        int column = grid.getColumns().indexOf(grid.getColumnByKey("details"));
        Map<String, List<String>> details = new LinkedHashMap<>();
        for (int row = GridKt._size(grid) - 1; row >= 0; row--) {
            AuditEntry entry = GridKt._get(grid, row);
            details.computeIfAbsent(entry.action(), action -> new ArrayList<>())
                    .add(french ? GridKt._getFormattedRow(grid, row).get(column) : entry.details());
        }
        assertThat(details).as("records of %s %s", filter, value).isNotEmpty();
        return details;
    }

    private void assertNoEnglish(Map<String, List<String>> french) {
        EnglishFragments english = EnglishFragments.of(basenames);
        List<String> problems = new ArrayList<>();
        french.forEach((action, texts) -> texts.forEach(text ->
                english.in(text).forEach(fragment -> problems.add(action + ": \"" + fragment + "\" in " + text))));
        assertThat(problems).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditEntry> grid() {
        return _get(Grid.class, spec -> spec.withId("audit-records"));
    }
}
