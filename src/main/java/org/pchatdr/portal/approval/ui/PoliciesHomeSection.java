package org.pchatdr.portal.approval.ui;

import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.pchatdr.portal.approval.ApprovalPolicyService;
import org.pchatdr.portal.approval.ApprovalPolicyService.PolicyOverview;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
import org.pchatdr.portal.base.ui.HomeCardSection;
import org.pchatdr.portal.base.ui.HomeSection;
import org.springframework.core.annotation.Order;

/**
 * The administrator's card of approval policies: how many approvers each kind requires against how
 * many it can count on, and first of all those nobody can satisfy any more (decision 014: approvers
 * disabled or demoted since the policy was saved), for requests of that kind are refused.
 */
@org.springframework.stereotype.Component
@Order(HomeSection.ADMIN_CARDS + 10)
class PoliciesHomeSection extends HomeCardSection {

    private final ApprovalPolicyService policies;

    PoliciesHomeSection(ApprovalPolicyService policies) {
        super(Role.ADMIN, "home-policies", "home.policies.title", ApprovalPolicyView.PATH);
        this.policies = policies;
    }

    @Override
    protected void fill(HomeCard card) {
        List<PolicyOverview> overview = policies.overview();
        long unsatisfiable =
                overview.stream().filter(policy -> !policy.satisfiable()).count();
        if (unsatisfiable > 0) {
            card.urgent();
            Span warning = new Span(card.getTranslation("home.policies.unsatisfiable", unsatisfiable));
            warning.setId("home-policies-unsatisfiable");
            warning.addClassName("home-card-alert");
            card.lines(warning);
        }
        overview.stream()
                .sorted((a, b) -> Boolean.compare(a.satisfiable(), b.satisfiable()))
                .forEach(policy -> card.line(card.getTranslation(
                        policy.satisfiable() ? "home.policies.line" : "home.policies.line.unsatisfiable",
                        card.getTranslation(policy.kind().labelKey()),
                        policy.policy().requiredApprovers(),
                        policy.eligible())));
    }
}
