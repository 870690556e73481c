-- Configuration change requests (issue 13). A change request proposes one saved version of a
-- topology; every edit is a revision, and approvals are given to an approval round: the id of the
-- revision that last changed the content hash (a description-only edit keeps the round, so its
-- approvals stand).
CREATE TABLE change_request (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    change_type NVARCHAR(16) NOT NULL,
    state NVARCHAR(16) NOT NULL,
    topology_id BIGINT NOT NULL,
    template_id BIGINT NULL,
    declared_risk NVARCHAR(16) NULL,
    computed_risk NVARCHAR(16) NOT NULL,
    effective_risk NVARCHAR(16) NOT NULL,
    risk_reasons NVARCHAR(MAX) NULL,
    current_revision INT NOT NULL,
    approval_round BIGINT NULL,
    requested_by NVARCHAR(64) NOT NULL,
    requested_at DATETIMEOFFSET NOT NULL,
    submitted_at DATETIMEOFFSET NULL,
    started_by NVARCHAR(64) NULL,
    started_at DATETIMEOFFSET NULL,
    ended_by NVARCHAR(64) NULL,
    ended_at DATETIMEOFFSET NULL,
    outcome NVARCHAR(16) NULL,
    review_due BIT NOT NULL,
    review_by NVARCHAR(64) NULL,
    review_at DATETIMEOFFSET NULL,
    review_text NVARCHAR(MAX) NULL,
    changed_by NVARCHAR(64) NOT NULL,
    changed_at DATETIMEOFFSET NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_change_request_topology ON change_request (topology_id, state);

CREATE TABLE change_revision (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    change_id BIGINT NOT NULL,
    number INT NOT NULL,
    title NVARCHAR(200) NOT NULL,
    justification NVARCHAR(4000) NULL,
    base_version INT NOT NULL,
    topology_version INT NOT NULL,
    topology_sha256 NVARCHAR(64) NOT NULL,
    implementation_plan NVARCHAR(MAX) NULL,
    backout_plan NVARCHAR(MAX) NULL,
    test_plan NVARCHAR(MAX) NULL,
    window_start DATETIMEOFFSET NOT NULL,
    window_end DATETIMEOFFSET NOT NULL,
    time_zone NVARCHAR(64) NOT NULL,
    pools NVARCHAR(MAX) NOT NULL,
    content_hash NVARCHAR(64) NOT NULL,
    approval_round BIGINT NULL,
    author NVARCHAR(64) NOT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT fk_change_revision_change FOREIGN KEY (change_id) REFERENCES change_request (id),
    CONSTRAINT uq_change_revision UNIQUE (change_id, number)
);

-- Maintenance windows (allow, per pool) and freezes (deny; no pools = every pool), kept by ADMIN.
CREATE TABLE change_window (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    pool_fqdn NVARCHAR(255) NOT NULL,
    starts_at DATETIMEOFFSET NOT NULL,
    ends_at DATETIMEOFFSET NOT NULL,
    reason NVARCHAR(1000) NULL,
    created_by NVARCHAR(64) NOT NULL,
    created_at DATETIMEOFFSET NOT NULL
);

CREATE TABLE change_freeze (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    starts_at DATETIMEOFFSET NOT NULL,
    ends_at DATETIMEOFFSET NOT NULL,
    reason NVARCHAR(1000) NOT NULL,
    pools NVARCHAR(MAX) NULL,
    created_by NVARCHAR(64) NOT NULL,
    created_at DATETIMEOFFSET NOT NULL
);

-- Standard-change templates: the topology fields a STANDARD change may touch and their ranges,
-- one "path-pattern|min|max" per line; usable once an ADMIN and an APPROVER both approved it.
CREATE TABLE change_template (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    name NVARCHAR(200) NOT NULL,
    fields NVARCHAR(MAX) NOT NULL,
    created_by NVARCHAR(64) NOT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    admin_approved_by NVARCHAR(64) NULL,
    approver_approved_by NVARCHAR(64) NULL
);

-- The issue's default policies: HIGH takes two distinct approvers; an emergency starts on one
-- approval and is ratified up to two. Approvals hold 30 days, since a window is often days ahead.
INSERT INTO approval_policy (kind, required_approvers, executor_may_approve, validity_minutes, ratification_minutes, updated_by, updated_at)
VALUES (N'change:LOW', 1, 0, 43200, 1440, N'system', '2026-12-01 00:00:00+00:00'),
       (N'change:MEDIUM', 1, 0, 43200, 1440, N'system', '2026-12-01 00:00:00+00:00'),
       (N'change:HIGH', 2, 0, 43200, 1440, N'system', '2026-12-01 00:00:00+00:00'),
       (N'change:EMERGENCY', 2, 0, 43200, 1440, N'system', '2026-12-01 00:00:00+00:00');
