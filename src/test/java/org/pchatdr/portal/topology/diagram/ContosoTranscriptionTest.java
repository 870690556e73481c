package org.pchatdr.portal.topology.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.TopologySamples;

/** The diagram tests vary a transcription of the sample; it must stay the sample. */
class ContosoTranscriptionTest {

    @Test
    void theDiagramFixtureIsTheContosoSample() {
        assertThat(ContosoFixture.contoso()).isEqualTo(TopologySamples.contoso());
    }
}
