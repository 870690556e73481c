package org.pchatdr.portal.change.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.change.Risk;
import org.pchatdr.portal.change.RiskLevel;
import org.pchatdr.portal.topology.TopologyDiff.Change;

class RiskAndTemplateTest {

    @Test
    void mirroringActiveServersAndComplianceAreHighThresholdsMediumAndNamesLow() {
        Risk risk = RiskAssessor.assess(
                List.of(
                        new Change("name", "\"A\"", "\"B\""),
                        new Change("pools[0].logShipping.restoreAlertMinutes", "60", "90"),
                        new Change("pools[0].mirroring.partnerPort", "5022", "5023"),
                        new Change("pools[1].servers[3].active", "true", "false"),
                        new Change("pools[0].databases[1]", null, "{\"kind\":\"COMPLIANCE\"}"),
                        new Change("pools[0].logShipping.share", "\"a\"", "\"b\"")),
                null);

        assertThat(risk.reasons())
                .extracting(Risk.Reason::level, Risk.Reason::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RiskLevel.LOW, "name"),
                        org.assertj.core.groups.Tuple.tuple(RiskLevel.MEDIUM, "log-shipping-threshold"),
                        org.assertj.core.groups.Tuple.tuple(RiskLevel.HIGH, "mirroring"),
                        org.assertj.core.groups.Tuple.tuple(RiskLevel.HIGH, "active-servers"),
                        org.assertj.core.groups.Tuple.tuple(RiskLevel.HIGH, "compliance"),
                        org.assertj.core.groups.Tuple.tuple(RiskLevel.HIGH, "log-shipping"));
        assertThat(risk.computed()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void theEffectiveRiskIsTheHigherOfComputedAndDeclared() {
        Risk renamed = RiskAssessor.assess(List.of(new Change("name", "\"A\"", "\"B\"")), RiskLevel.MEDIUM);

        assertThat(renamed.computed()).isEqualTo(RiskLevel.LOW);
        assertThat(renamed.effective()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskAssessor.read(RiskAssessor.write(renamed.reasons()))).isEqualTo(renamed.reasons());
    }

    @Test
    void aTemplateAllowsOnlyItsFieldsWithinTheirRanges() {
        var fields = TemplateCheck.read("pools[*].logShipping.backupAlertMinutes|30|120");
        Change inside = new Change("pools[2].logShipping.backupAlertMinutes", "60", "120");
        Change tooHigh = new Change("pools[0].logShipping.backupAlertMinutes", "60", "121");
        Change otherField = new Change("pools[0].logShipping.restoreAlertMinutes", "60", "90");

        assertThat(TemplateCheck.outside(fields, List.of(inside))).isEmpty();
        assertThat(TemplateCheck.outside(fields, List.of(inside, tooHigh))).contains(tooHigh);
        assertThat(TemplateCheck.outside(fields, List.of(otherField))).contains(otherField);
        assertThatThrownBy(() -> TemplateCheck.read("pools[*].x|120|30")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theContentHashCoversPlansWindowAndPoolsButNotTheVersionNumber() {
        Content content = new Content(
                2,
                "abc",
                "plan",
                "backout",
                "test",
                Instant.parse("2026-12-05T21:00:00Z"),
                Instant.parse("2026-12-05T23:00:00Z"),
                "Europe/Paris",
                List.of("pchat.contoso.local"));

        assertThat(content.hash()).matches("[0-9a-f]{64}");
        assertThat(new Content(
                                3,
                                "abc",
                                "plan",
                                "backout",
                                "test",
                                content.windowStart(),
                                content.windowEnd(),
                                "Europe/Paris",
                                content.pools())
                        .hash())
                .isEqualTo(content.hash());
        assertThat(new Content(
                                2,
                                "abc",
                                "plan",
                                "backout",
                                "test",
                                content.windowStart(),
                                content.windowEnd().plusSeconds(60),
                                "Europe/Paris",
                                content.pools())
                        .hash())
                .isNotEqualTo(content.hash());
        assertThat(new Content(
                                2,
                                "abc",
                                "planb",
                                "ackout",
                                "test",
                                content.windowStart(),
                                content.windowEnd(),
                                "Europe/Paris",
                                content.pools())
                        .hash())
                .as("text moved from one field into the next")
                .isNotEqualTo(content.hash());
    }
}
