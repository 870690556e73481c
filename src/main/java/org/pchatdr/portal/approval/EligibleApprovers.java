package org.pchatdr.portal.approval;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.springframework.stereotype.Component;

/**
 * How many people can approve a subject, counted the way decision 014 writes down: enabled users
 * holding APPROVER, each once whatever else they hold, other than the people separation of duties
 * leaves out.
 */
@Component
record EligibleApprovers(UserAccountService users) {

    /**
     * At most two people are left out of any one decision: the requester, and the one operator who
     * acts on the subject (the executor, who started an emergency, asked for a skip or recorded a
     * data loss).
     */
    static final int LEFT_OUT_AT_WORST = 2;

    /**
     * For a policy, before anyone requests: the worst case, where the requester and the executor are
     * two different approvers who also hold the kind's acting role.
     */
    int atWorst(PolicyKind kind) {
        int approvers = users.countEnabledHolding(EnumSet.of(Role.APPROVER), List.of());
        int couldBeLeftOut = users.countEnabledHolding(EnumSet.of(Role.APPROVER, kind.actingRole()), List.of());
        return approvers - Math.min(LEFT_OUT_AT_WORST, couldBeLeftOut);
    }

    /**
     * For one request: everyone but the requester, who may act on the subject themselves, so that
     * nobody else need be left out.
     */
    int besides(String requester) {
        return users.countEnabledHolding(Set.of(Role.APPROVER), List.of(requester));
    }
}
