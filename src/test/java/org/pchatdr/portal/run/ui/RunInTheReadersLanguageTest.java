package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.H3;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.procedure.FrozenProcedure;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run's procedure is frozen in every language the portal speaks: an operator who requested it in
 * English and an approver who reads French see the same steps (same scripts, same hash), each in
 * their own language, and the run keeps the facts of its pool without reading the topology again.
 */
class RunInTheReadersLanguageTest extends KaribuTest {

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Test
    void aRunRequestedInEnglishShowsItsStepsInFrenchToAFrenchReader() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long id = fixtures.request(fixtures.publishedContoso(), RunKind.DRILL, "lang-requester")
                .id();
        FrozenProcedure frozen = runs.frozenProcedure(id);
        List<String> english = titles(frozen.in(Locale.ENGLISH));
        List<String> french = titles(frozen.in(Locale.FRENCH));
        assertThat(french).hasSameSizeAs(english).isNotEqualTo(english);
        assertThat(frozen.in(Locale.FRENCH).steps())
                .extracting(Procedure.Step::script)
                .as("the scripts are the same in every language")
                .containsExactlyElementsOf(frozen.in(Locale.ENGLISH).steps().stream()
                        .map(Procedure.Step::script)
                        .toList());

        assertThat(runs.run(id).steps()).extracting(RunView.Step::title).containsExactlyElementsOf(english);
        assertThat(runs.run(id, Locale.FRENCH).steps())
                .extracting(RunView.Step::title)
                .containsExactlyElementsOf(french);

        signIn("lang-french-approver", Role.APPROVER);
        navigate("");
        chooseLanguage(Locale.FRENCH);
        navigate("runs/" + id);
        List<String> headings = _find(H3.class).stream().map(H3::getText).toList();
        assertThat(headings).contains("1. " + french.get(0), "2. " + french.get(1));
        assertThat(headings).doesNotContain("1. " + english.get(0));
    }

    @Test
    void aRunKeepsThePoolsFactsAsTheyWereWhenItWasRequested() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        long id = fixtures.request(topology, RunKind.DRILL, "facts-requester").id();

        FrozenProcedure.Facts facts = runs.frozenProcedure(id).facts();

        assertThat(facts.topologyName()).isEqualTo("Contoso production");
        assertThat(facts.topologyVersion()).isEqualTo(1);
        assertThat(facts.pool()).isEqualTo(RunFixtures.POOL);
        assertThat(facts.rtoMinutes()).isEqualTo(60);
        assertThat(facts.rpoMinutes()).isEqualTo(30);
        assertThat(facts.siteName("PAR")).isEqualTo("Paris - Saint-Denis");
        assertThat(facts.siteName("LYO")).isEqualTo("Lyon - Vaise");
        RunView run = runs.run(id);
        assertThat(run.timings().rtoTargetMinutes()).isEqualTo(60);
        assertThat(run.dataLoss().rpoTargetMinutes()).isEqualTo(30);
        assertThat(run.procedureSha256()).isEqualTo(runs.frozenProcedure(id).sha256());
    }

    private static List<String> titles(Procedure procedure) {
        return procedure.steps().stream().map(Procedure.Step::title).toList();
    }
}
