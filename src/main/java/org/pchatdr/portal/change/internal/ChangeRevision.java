package org.pchatdr.portal.change.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.pchatdr.portal.base.GeneratedKey;

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

    @Column(name = "topology_version", nullable = false)
    private int topologyVersion;

    @Column(name = "topology_sha256", nullable = false, length = 64)
    private String topologySha256;

    @Column(name = "implementation_plan", columnDefinition = "NVARCHAR(MAX)")
    private String implementationPlan;

    @Column(name = "backout_plan", columnDefinition = "NVARCHAR(MAX)")
    private String backoutPlan;

    @Column(name = "test_plan", columnDefinition = "NVARCHAR(MAX)")
    private String testPlan;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false, columnDefinition = "NVARCHAR(MAX)")
    private String pools;

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
        this.topologyVersion = content.topologyVersion();
        this.topologySha256 = content.topologySha256();
        this.implementationPlan = content.implementationPlan();
        this.backoutPlan = content.backoutPlan();
        this.testPlan = content.testPlan();
        this.windowStart = content.windowStart();
        this.windowEnd = content.windowEnd();
        this.timeZone = content.timeZone();
        this.pools = String.join("\n", content.pools());
        this.contentHash = content.hash();
        this.author = author;
        this.createdAt = now;
    }

    /** Material edit: this revision opens a round of its own. Otherwise it keeps {@code round}. */
    public void belongsTo(Long round) {
        this.approvalRound = round == null ? getId() : round;
    }

    public Content content() {
        return new Content(
                topologyVersion,
                topologySha256,
                implementationPlan,
                backoutPlan,
                testPlan,
                windowStart,
                windowEnd,
                timeZone,
                pools());
    }

    public List<String> pools() {
        return pools.isEmpty() ? List.of() : Arrays.asList(pools.split("\n"));
    }

    public long getChangeId() {
        return changeId;
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getJustification() {
        return justification;
    }

    public int getBaseVersion() {
        return baseVersion;
    }

    public int getTopologyVersion() {
        return topologyVersion;
    }

    public String getTopologySha256() {
        return topologySha256;
    }

    public String getImplementationPlan() {
        return implementationPlan;
    }

    public String getBackoutPlan() {
        return backoutPlan;
    }

    public String getTestPlan() {
        return testPlan;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public Instant getWindowEnd() {
        return windowEnd;
    }

    public String getTimeZone() {
        return timeZone;
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

    public Instant getCreatedAt() {
        return createdAt;
    }
}
