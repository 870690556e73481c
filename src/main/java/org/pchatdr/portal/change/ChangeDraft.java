package org.pchatdr.portal.change;

/**
 * What a requester writes: the REST body of {@code POST} and {@code PUT}. {@code windowStart} and
 * {@code windowEnd} are ISO date-times, local to {@code timeZone} (an IANA zone) unless they carry
 * an offset. {@code templateId} names the template of a STANDARD change.
 */
public record ChangeDraft(
        String title,
        ChangeType type,
        Long topologyId,
        Integer topologyVersion,
        String justification,
        RiskLevel declaredRisk,
        String implementationPlan,
        String backoutPlan,
        String testPlan,
        String windowStart,
        String windowEnd,
        String timeZone,
        Long templateId) {}
