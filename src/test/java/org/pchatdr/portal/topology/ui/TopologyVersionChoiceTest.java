package org.pchatdr.portal.topology.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/** The version select of a topology's page follows the user's pick only (issue 17: from-client changes). */
class TopologyVersionChoiceTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Test
    void pickingAnotherVersionShowsThatVersion() {
        long id = twoVersions();
        navigate("topologies/" + id);
        assertThat(shownVersion()).isEqualTo("Version 2 of 2");

        pickAsUser(versionChoice(), 1);

        assertThat(shownVersion()).isEqualTo("Version 1 of 2");
    }

    @Test
    void aVersionSetByTheServerLeavesThePageAsItIs() {
        long id = twoVersions();
        navigate("topologies/" + id);

        fillIn(versionChoice(), 1);

        assertThat(shownVersion()).isEqualTo("Version 2 of 2");
    }

    private long twoVersions() {
        signIn("choice-op", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        topologies.saveVersion(id, 1, Contoso.renamed("Contoso DR drill"), "drill copy");
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Select<Integer> versionChoice() {
        return _get(Select.class, spec -> spec.withId("version-choice"));
    }

    private static String shownVersion() {
        return _get(Span.class, spec -> spec.withId("shown-version")).getText();
    }
}
