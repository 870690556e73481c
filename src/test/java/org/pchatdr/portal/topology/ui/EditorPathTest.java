package org.pchatdr.portal.topology.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pchatdr.portal.topology.ui.EditorPath.Section;

class EditorPathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            name                                 | GENERAL       | -1 |           | -1 | name
            sites[1].timeZone                    | SITES         | -1 | sites     |  1 | timeZone
            sqlInstances[3].port                 | SQL_INSTANCES | -1 | sqlInstances | 3 | port
            pools[0]                             | POOLS         |  0 |           | -1 |
            pools[0].servers                     | POOLS         |  0 |           | -1 | servers
            pools[0].servers[2].active           | POOLS         |  0 | servers   |  2 | active
            pools[1].databases[0].mirror         | POOLS         |  1 | databases |  0 | mirror
            pools[0].databases[1]                | POOLS         |  0 | databases |  1 |
            pools[0].logShipping.share           | POOLS         |  0 |           | -1 | logShipping.share
            pools[0].mirroring.witnessPort       | POOLS         |  0 |           | -1 | mirroring.witnessPort
            pools[0].nextHopPool                 | POOLS         |  0 |           | -1 | nextHopPool
            """)
    void aPathOfTheFormatLeadsToItsTabRowAndField(
            String path, Section section, int pool, String list, int item, String field) {
        assertThat(EditorPath.of(path))
                .contains(new EditorPath(section, pool, list == null ? "" : list, item, field == null ? "" : field));
    }
}
