package org.pchatdr.portal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.run.RunSituations.Situation;
import org.pchatdr.portal.run.RunSituations.Who;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every run action × every role combination × the states where it matters, from one table (decision
 * 013). Through the service, each action the table allows succeeds (in a transaction rolled back, so
 * the next one meets the same run) and every other one is refused with a rule; over HTTP, the run
 * lists exactly the table's {@code actions} for the caller and every run-wide action it leaves out
 * answers 403 or 409. {@code G} in the table stands for the step the data-loss gate guards (F-4).
 */
@IntegrationTest
class RunActionTableIT {

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    Clock clock;

    private static final String EXECUTING = "data-loss abort fail steps/1/start steps/1/request-skip";

    /** The table: for each situation, what each person may do; everything else is refused. */
    private static List<String> expected(Situation situation, Who who) {
        String allowed = switch (situation) {
            case REQUESTED ->
                switch (who) {
                    case REQUESTER, EXECUTOR -> "abort";
                    case APPROVER_WHO_APPROVED, APPROVER -> "approve reject";
                    case OPERATOR_APPROVER_WHO_APPROVED, OPERATOR_APPROVER -> "approve reject abort";
                    case AUDITOR, ADMIN -> "";
                };
            case APPROVED ->
                switch (who) {
                    case REQUESTER, EXECUTOR -> "start abort";
                    case APPROVER_WHO_APPROVED -> "withdraw";
                    case APPROVER -> "approve reject";
                    case OPERATOR_APPROVER_WHO_APPROVED -> "withdraw abort";
                    case OPERATOR_APPROVER -> "approve reject start abort";
                    case AUDITOR, ADMIN -> "";
                };
            case STARTED -> executing(who, EXECUTING, "");
            case STEP_IN_PROGRESS -> executing(who, "data-loss abort fail steps/1/complete steps/1/fail", "");
            case STEP_FAILED -> executing(who, "data-loss abort fail steps/1/retry steps/1/request-skip", "");
            case SKIP_ASKED ->
                switch (who) {
                    case REQUESTER, EXECUTOR -> "data-loss abort fail steps/1/start";
                    case APPROVER_WHO_APPROVED, APPROVER -> "steps/1/approve-skip";
                    case OPERATOR_APPROVER_WHO_APPROVED -> "abort steps/1/approve-skip";
                    case OPERATOR_APPROVER -> "data-loss abort fail steps/1/start steps/1/approve-skip";
                    case AUDITOR, ADMIN -> "";
                };
            case DATA_LOSS_RECORDED ->
                switch (who) {
                    case REQUESTER, EXECUTOR -> "data-loss abort fail";
                    case APPROVER_WHO_APPROVED, APPROVER -> "data-loss/accept";
                    case OPERATOR_APPROVER_WHO_APPROVED -> "data-loss/accept abort";
                    case OPERATOR_APPROVER -> "data-loss data-loss/accept abort fail";
                    case AUDITOR, ADMIN -> "";
                };
            // Nobody approved before the emergency: every approver may ratify, every operator execute.
            case EMERGENCY_STARTED ->
                switch (who) {
                    case REQUESTER, EXECUTOR -> EXECUTING;
                    case APPROVER_WHO_APPROVED, APPROVER -> "ratify";
                    case OPERATOR_APPROVER_WHO_APPROVED, OPERATOR_APPROVER -> "ratify " + EXECUTING;
                    case AUDITOR, ADMIN -> "";
                };
            case ENDED_OWING_RATIFICATION ->
                switch (who) {
                    case APPROVER_WHO_APPROVED, APPROVER, OPERATOR_APPROVER_WHO_APPROVED, OPERATOR_APPROVER -> "ratify";
                    case REQUESTER, EXECUTOR, AUDITOR, ADMIN -> "";
                };
            case REJECTED -> "";
        };
        return allowed.isBlank() ? List.of() : Arrays.asList(allowed.split(" "));
    }

    /** A running run: whoever may execute does, the operator-approver who approved may only abort. */
    private static String executing(Who who, String executor, String approver) {
        return switch (who) {
            case REQUESTER, EXECUTOR, OPERATOR_APPROVER -> executor;
            case OPERATOR_APPROVER_WHO_APPROVED -> "abort";
            case APPROVER_WHO_APPROVED, APPROVER -> approver;
            case AUDITOR, ADMIN -> "";
        };
    }

    @LocalServerPort
    int port;

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Autowired
    PlatformTransactionManager transactions;

    private RunSituations situations;

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void accounts() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        for (Who who : Who.values()) {
            accounts.ensure(who.user, who.roles);
        }
        situations = new RunSituations(topologies, runs, clock);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void everyRoleCombinationMayDoThroughTheServiceExactlyWhatTheTableSaysInEverySituation() {
        for (Situation situation : Situation.values()) {
            RunView run = situations.given(situation);
            int gate = run.dataLoss().gateStep();
            for (Who who : Who.values()) {
                String cell = situation + " × " + who;
                TestAccounts.signIn(who.user, who.roles);
                List<String> expected = expected(situation, who);
                assertThat(runs.run(run.id()).actions()).as(cell).containsExactlyInAnyOrderElementsOf(expected);
                for (String action : everyAction(run)) {
                    if (expected.contains(action)) {
                        assertThatCode(() -> rolledBack(() -> act(run, action)))
                                .as(cell + ": " + action)
                                .doesNotThrowAnyException();
                    } else {
                        assertThatThrownBy(() -> act(run, action))
                                .as(cell + ": " + action)
                                .isInstanceOfAny(PortalException.class, AccessDeniedException.class);
                    }
                }
                assertThat(runs.run(run.id()).version()).as(cell).isEqualTo(run.version());
            }
            assertThat(gate).isGreaterThan(1);
        }
    }

    @Test
    void everyRoleCombinationIsToldOverHttpWhatTheTableSaysAndEveryRunWideActionLeftOutIsRefused() {
        for (Situation situation : Situation.values()) {
            RunView run = situations.given(situation);
            for (Who who : Who.values()) {
                String cell = situation + " × " + who;
                List<String> expected = expected(situation, who);
                HttpResponse<String> fetched = send("GET", "/api/v1/runs/" + run.id(), who.user, null);
                assertThat(fetched.statusCode()).as(cell).isEqualTo(200);
                List<String> listed = new ArrayList<>();
                json.readTree(fetched.body()).get("actions").forEach(action -> listed.add(action.asString()));
                assertThat(listed).as(cell).containsExactlyInAnyOrderElementsOf(expected);
                for (RunAction action : RunAction.values()) {
                    if (action.onStep() || expected.contains(action.path())) {
                        continue;
                    }
                    HttpResponse<String> refused =
                            send("POST", "/api/v1/runs/" + run.id() + "/" + action.path(), who.user, body(run));
                    assertThat(refused.statusCode())
                            .as(cell + ": " + action.path() + " " + refused.body())
                            .isIn(403, 409);
                    assertThat(json.readTree(refused.body()).get("error").asString())
                            .as(cell)
                            .isNotBlank();
                }
            }
        }
    }

    /** Every action of the run, each step's included, as the rulebook names them. */
    private static Set<String> everyAction(RunView run) {
        Set<String> names = new LinkedHashSet<>();
        for (RunAction action : RunAction.values()) {
            if (action.onStep()) {
                run.steps().forEach(step -> names.add(action.name(step.number())));
            } else {
                names.add(action.path());
            }
        }
        return names;
    }

    /** Takes {@code action} through the service as the signed-in user, with input it would accept. */
    private void act(RunView run, String action) {
        long id = run.id();
        long version = run.version();
        String[] parts = action.split("/");
        if (parts[0].equals("steps")) {
            int step = Integer.parseInt(parts[1]);
            switch (parts[2]) {
                case "start" -> runs.startStep(id, version, step);
                case "complete" -> runs.completeStep(id, version, step, "ok", null);
                case "fail" -> runs.failStep(id, version, step, "broken");
                case "retry" -> runs.retryStep(id, version, step);
                case "request-skip" -> runs.requestSkip(id, version, step, "done by hand");
                case "approve-skip" -> runs.approveSkip(id, version, step, null);
                default -> throw new IllegalArgumentException(action);
            }
            return;
        }
        Instant now = clock.instant();
        switch (action) {
            case "approve" -> runs.approve(id, version, null);
            case "reject" -> runs.reject(id, version, "no");
            case "withdraw" -> runs.withdraw(id, version, ownDecision(run));
            case "start" -> runs.start(id, version);
            case "emergency-start" -> runs.emergencyStart(id, version, "site lost");
            case "ratify" -> runs.ratify(id, version, null);
            case "data-loss" ->
                runs.recordDataLoss(
                        id, version, "mgc.trn", now.minus(Duration.ofMinutes(4)), now.minus(Duration.ofMinutes(1)));
            case "data-loss/accept" -> runs.acceptDataLoss(id, version, "accepted");
            case "abort" -> runs.abort(id, version, "stop");
            case "fail" -> runs.fail(id, version, "cannot go on");
            default -> throw new IllegalArgumentException(action);
        }
    }

    /** The signed-in user's decision on the run, or any decision when they have none. */
    private static long ownDecision(RunView run) {
        String me = org.pchatdr.portal.base.CurrentUser.actor();
        return Stream.concat(
                        run.approvals().decisions().stream()
                                .filter(decision -> decision.approver().equals(me)),
                        run.approvals().decisions().stream())
                .findFirst()
                .map(decision -> decision.id())
                .orElse(0L);
    }

    private void rolledBack(Runnable action) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.executeWithoutResult(status -> {
            status.setRollbackOnly();
            action.run();
        });
    }

    private String body(RunView run) {
        return "{\"version\":" + run.version() + ",\"reason\":\"x\",\"comment\":\"x\",\"approvalId\":1,"
                + "\"lastLogBackup\":\"mgc.trn\",\"lastLogBackupAt\":\""
                + clock.instant().minusSeconds(240)
                + "\",\"primaryLostAt\":\"" + clock.instant().minusSeconds(60) + "\"}";
    }

    private HttpResponse<String> send(String method, String path, String user, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (user + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
