package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.TopologySamples;

/** The rule tests vary a transcription of the sample; it must stay the sample. */
class ContosoTranscriptionTest {

    @Test
    void theRuleFixtureIsTheContosoSample() {
        assertThat(Topologies.contoso()).isEqualTo(TopologySamples.contoso());
    }
}
