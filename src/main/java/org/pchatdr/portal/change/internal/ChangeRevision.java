package org.pchatdr.portal.change.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.change.RevisionView;

/** One revision of a change request; never changed once saved. */
@Entity
@Table(name = "change_revision")
public class ChangeRevision extends GeneratedKey {

    @Column(name = "change_id", nullable = false)
    private long changeId;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 4000)
    private String justification;

    /** The published version the diff was taken from when this revision was saved. */
    @Column(name = "base_version", nullable = false)
    private int baseVersion;

    @Embedded
    private Content content;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "approval_round")
    private Long approvalRound;

    @Column(nullable = false, length = 64)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChangeRevision() {}

    public ChangeRevision(
            long changeId,
            int number,
            int baseVersion,
            Content content,
            String title,
            String justification,
            String author,
            Instant now) {
        this.changeId = changeId;
        this.baseVersion = baseVersion;
        this.number = number;
        this.title = title;
        this.justification = justification;
        this.content = content;
        this.contentHash = content.hash();
        this.author = author;
        this.createdAt = now;
    }

    /** Material edit: this revision opens a round of its own. Otherwise it keeps {@code round}. */
    public void belongsTo(Long round) {
        this.approvalRound = round == null ? getId() : round;
    }

    /** The revision as people read it; {@code round} is the number of the revision that opened its round. */
    public RevisionView view(int round) {
        return new RevisionView(
                number,
                title,
                justification,
                content.topologyVersion(),
                content.topologySha256(),
                content.implementationPlan(),
                content.backoutPlan(),
                content.testPlan(),
                content.windowStart(),
                content.windowEnd(),
                content.timeZone(),
                content.pools(),
                contentHash,
                round,
                author,
                createdAt);
    }

    public Content content() {
        return content;
    }

    public List<String> pools() {
        return content.pools();
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public int getTopologyVersion() {
        return content.topologyVersion();
    }

    public Instant getWindowStart() {
        return content.windowStart();
    }

    public Instant getWindowEnd() {
        return content.windowEnd();
    }

    public int getBaseVersion() {
        return baseVersion;
    }

    public String getTimeZone() {
        return content.timeZone();
    }

    public String getContentHash() {
        return contentHash;
    }

    public Long getApprovalRound() {
        return approvalRound;
    }

    public String getAuthor() {
        return author;
    }
}
