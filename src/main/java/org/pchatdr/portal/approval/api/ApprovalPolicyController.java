package org.pchatdr.portal.approval.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.approval.ApprovalPolicyService;
import org.pchatdr.portal.approval.PolicyKind;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approval-policy page over REST, for administrators: every contributed kind with its policy
 * and how many approvers are eligible, and changing one, audited like the page (before → after).
 * 403 for other roles, 404 for a kind no feature contributes, 422 for a policy out of range or one
 * that requires more approvers than are eligible (decision 014), 409 when it changed meanwhile.
 */
@RestController
@RequestMapping("/api/v1/approval-policies")
record ApprovalPolicyController(ApprovalPolicyService policies, MessageSource messages) {

    /** A kind and its policy; {@code fields} lists the optional fields that apply to the kind. */
    record PolicyJson(
            String kind,
            String label,
            List<PolicyKind.Field> fields,
            int eligibleApprovers,
            int requiredApprovers,
            boolean executorMayApprove,
            long validityMinutes,
            long ratificationMinutes,
            boolean dataLossGateWaived) {}

    /** The fields to set; those left out keep their value, as do fields that do not apply to the kind. */
    record ChangeJson(
            Integer requiredApprovers,
            Boolean executorMayApprove,
            Long validityMinutes,
            Long ratificationMinutes,
            Boolean dataLossGateWaived) {

        ApprovalPolicy applyTo(ApprovalPolicy current) {
            return new ApprovalPolicy(
                    requiredApprovers == null ? current.requiredApprovers() : requiredApprovers,
                    executorMayApprove == null ? current.executorMayApprove() : executorMayApprove,
                    validityMinutes == null ? current.validity() : Duration.ofMinutes(validityMinutes),
                    ratificationMinutes == null
                            ? current.ratificationWindow()
                            : Duration.ofMinutes(ratificationMinutes),
                    dataLossGateWaived == null ? current.dataLossGateWaived() : dataLossGateWaived);
        }
    }

    @GetMapping
    List<PolicyJson> all(Locale locale) {
        return policies.kinds().stream().map(kind -> json(kind, locale)).toList();
    }

    @GetMapping("/{kind}")
    PolicyJson one(@PathVariable String kind, Locale locale) {
        return json(policies.kind(kind), locale);
    }

    @PutMapping("/{kind}")
    PolicyJson change(@PathVariable String kind, @RequestBody ChangeJson body, Locale locale) {
        PolicyKind policyKind = policies.kind(kind);
        ApprovalPolicy current = policies.policy(kind);
        policies.changePolicy(kind, current, body.applyTo(current));
        return json(policyKind, locale);
    }

    private PolicyJson json(PolicyKind kind, Locale locale) {
        ApprovalPolicy policy = policies.policy(kind.kind());
        return new PolicyJson(
                kind.kind(),
                messages.getMessage(kind.labelKey(), null, kind.kind(), locale),
                kind.fields().stream().sorted().toList(),
                policies.eligibleApprovers(kind.kind()),
                policy.requiredApprovers(),
                policy.executorMayApprove(),
                policy.validity().toMinutes(),
                policy.ratificationWindow().toMinutes(),
                policy.dataLossGateWaived());
    }
}
