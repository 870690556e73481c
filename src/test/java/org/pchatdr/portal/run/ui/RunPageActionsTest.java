package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunSituations;
import org.pchatdr.portal.run.RunSituations.Situation;
import org.pchatdr.portal.run.RunSituations.Who;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The run page offers exactly the actions the rulebook gives the signed-in user (decision 013): in
 * every situation of the action table, for every role combination, its enabled buttons are the
 * run's {@code actions}, no more and no fewer.
 */
class RunPageActionsTest extends KaribuTest {

    @Autowired
    Clock clock;

    private static final Pattern STEP_BUTTON = Pattern.compile(
            "(start|complete|fail|retry|request-skip|approve-skip)-step-(\\d+)|(request-skip|approve-skip)-(\\d+)");

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Test
    void everyPersonSeesExactlyTheButtonsOfTheActionsTheRulebookGivesThemInEverySituation() {
        // Every person exists before the first request: a run needs someone who could approve it.
        for (Who who : Who.values()) {
            givenAccount(who.user, who.roles);
        }
        RunSituations situations = new RunSituations(topologies, runs, clock);
        for (Situation situation : Situation.values()) {
            RunView run = situations.given(situation);
            for (Who who : Who.values()) {
                TestAccounts.signIn(who.user, who.roles);
                List<String> actions = runs.run(run.id()).actions();
                signIn(who.user, who.roles);
                navigate("");
                navigate("runs/" + run.id());

                assertThat(shownActions()).as(situation + " × " + who).containsExactlyInAnyOrderElementsOf(actions);
            }
        }
    }

    /** The enabled buttons of the page that change the run, named as the REST API names the action. */
    private static List<String> shownActions() {
        return _find(_get(RunDetailView.class), Button.class).stream()
                .filter(Button::isEnabled)
                .map(button -> button.getId().orElse(""))
                .filter(id -> !id.startsWith("copy-") && !id.equals("resume-live"))
                .map(RunPageActionsTest::action)
                .toList();
    }

    private static String action(String id) {
        Matcher step = STEP_BUTTON.matcher(id);
        if (step.matches()) {
            return step.group(1) != null
                    ? "steps/" + step.group(2) + "/" + step.group(1)
                    : "steps/" + step.group(4) + "/" + step.group(3);
        }
        if (id.startsWith("withdraw-")) {
            return "withdraw";
        }
        return switch (id) {
            case "approve", "reject", "emergency-start", "ratify" -> id;
            case "start-run" -> "start";
            case "abort-run" -> "abort";
            case "fail-run" -> "fail";
            case "record-data-loss" -> "data-loss";
            case "accept-data-loss" -> "data-loss/accept";
            default -> throw new AssertionError("a button the table does not know: " + id);
        };
    }
}
