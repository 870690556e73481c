-- Approval policies an administrator set, one row per kind (such as run:DISASTER); kinds without
-- a row use the built-in default (one approver, not the executor, 8 h validity, 24 h ratification).
CREATE TABLE approval_policy (
    kind NVARCHAR(64) NOT NULL PRIMARY KEY,
    required_approvers INT NOT NULL,
    executor_may_approve BIT NOT NULL,
    validity_minutes BIGINT NOT NULL,
    ratification_minutes BIGINT NOT NULL,
    updated_by NVARCHAR(64) NOT NULL,
    updated_at DATETIMEOFFSET NOT NULL
);

-- Every approval or rejection of a subject. slot is 0 for an approver's current decision and the
-- row's own id once withdrawn or replaced: the unique constraint keeps one current decision per
-- approver and subject without a filtered index.
CREATE TABLE approval (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    subject_type NVARCHAR(32) NOT NULL,
    subject_id BIGINT NOT NULL,
    kind NVARCHAR(64) NOT NULL,
    approver NVARCHAR(64) NOT NULL,
    decision NVARCHAR(16) NOT NULL,
    comment NVARCHAR(1000) NULL,
    decided_at DATETIMEOFFSET NOT NULL,
    expires_at DATETIMEOFFSET NOT NULL,
    withdrawn_at DATETIMEOFFSET NULL,
    withdrawable BIT NOT NULL,
    slot BIGINT NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT uq_approval_current UNIQUE (subject_type, subject_id, approver, slot)
);

CREATE INDEX ix_approval_subject ON approval (subject_type, subject_id);
