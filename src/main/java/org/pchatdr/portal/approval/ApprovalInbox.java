package org.pchatdr.portal.approval;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What waits on the signed-in approver across every feature that contributes {@link
 * ApprovableSubjects}: the approvals inbox and its badge read it here.
 */
@Service
@PreAuthorize("hasRole('APPROVER')")
public class ApprovalInbox {

    private final ObjectProvider<ApprovableSubjects> subjects;

    ApprovalInbox(ObjectProvider<ApprovableSubjects> subjects) {
        this.subjects = subjects;
    }

    /** Every item, oldest first, worded in {@code locale}. */
    public List<WaitingItem> items(Locale locale) {
        return subjects.orderedStream()
                .flatMap(contribution -> contribution.waiting(locale).stream())
                .sorted(Comparator.comparing(WaitingItem::since))
                .toList();
    }

    /** How many items wait, for the navigation badge. */
    public int count() {
        return subjects.orderedStream()
                .mapToInt(ApprovableSubjects::waitingCount)
                .sum();
    }

    /**
     * A value that changes whenever what waits may have changed, for anyone: the contributions'
     * stamps, one cheap query each. The layout polls it and counts again only when it moved.
     */
    public String stamp() {
        return subjects.orderedStream().map(ApprovableSubjects::waitingStamp).collect(Collectors.joining("|"));
    }

    /** The page and name of {@code subject}, from the feature it belongs to. */
    public Optional<ApprovableSubjects.SubjectLink> link(Subject subject, Locale locale) {
        return subjects.orderedStream()
                .flatMap(contribution -> contribution.link(subject, locale).stream())
                .findFirst();
    }
}
