package org.pchatdr.portal.approval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.Role;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A second kind of subject, as change requests and reviews will be, contributed to every test
 * context: it proves that the approval module's page, API, inbox and badge take what features
 * contribute instead of knowing runs. Its label key has no translation on purpose: no production
 * bundle carries test texts. Tests offer items to an approver and take them back.
 */
@Component
@Order(100)
public class SampleSubjects implements ApprovableSubjects {

    public static final String KIND = "sample:CHECK";

    private final Map<String, List<WaitingItem>> waiting = new ConcurrentHashMap<>();

    @Override
    public List<PolicyKind> policyKinds() {
        return List.of(new PolicyKind(KIND, "sample.kind", Role.OPERATOR, Set.of()));
    }

    @Override
    public List<WaitingItem> waiting(Locale locale) {
        return List.copyOf(waiting.getOrDefault(CurrentUser.actor(), List.of()));
    }

    @Override
    public int waitingCount() {
        return waiting.getOrDefault(CurrentUser.actor(), List.of()).size();
    }

    /** Something that now waits on {@code approver}. */
    public void offer(String approver, WaitingItem item) {
        waiting.computeIfAbsent(approver, name -> new CopyOnWriteArrayList<>()).add(item);
    }

    public void withdrawAll(String approver) {
        waiting.remove(approver);
    }
}
