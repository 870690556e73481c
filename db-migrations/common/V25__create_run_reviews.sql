-- Issue 14: every run that ends (completed, failed, aborted) waits for a manager's review.
CREATE TABLE run_review (
    run_id BIGINT NOT NULL PRIMARY KEY,
    pool_fqdn NVARCHAR(255) NOT NULL,
    ended_at DATETIMEOFFSET NOT NULL,
    due_at DATETIMEOFFSET NOT NULL,
    state NVARCHAR(16) NOT NULL,
    decided_by NVARCHAR(64) NULL,
    decided_at DATETIMEOFFSET NULL,
    comment NVARCHAR(1000) NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_run_review_run FOREIGN KEY (run_id) REFERENCES run (id)
);

CREATE INDEX ix_run_review_state ON run_review (state, due_at);

-- The note a reviewer wrote on each exception of the run (a skipped step, an emergency start …).
CREATE TABLE review_disposition (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    run_id BIGINT NOT NULL,
    exception_code NVARCHAR(64) NOT NULL,
    note NVARCHAR(1000) NOT NULL,
    disposed_by NVARCHAR(64) NOT NULL,
    disposed_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT fk_review_disposition_review FOREIGN KEY (run_id) REFERENCES run_review (run_id),
    CONSTRAINT uq_review_disposition UNIQUE (run_id, exception_code)
);

-- Findings: an owner and a due date, open until closed with a note.
CREATE TABLE review_finding (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    run_id BIGINT NOT NULL,
    title NVARCHAR(500) NOT NULL,
    owner NVARCHAR(64) NOT NULL,
    due DATE NOT NULL,
    created_by NVARCHAR(64) NOT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    closed_by NVARCHAR(64) NULL,
    closed_at DATETIMEOFFSET NULL,
    close_note NVARCHAR(1000) NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_review_finding_review FOREIGN KEY (run_id) REFERENCES run_review (run_id)
);

CREATE INDEX ix_review_finding_open ON review_finding (closed_at, due);

-- Runs that ended before reviews existed wait for review too, due a week after this migration.
INSERT INTO run_review (run_id, pool_fqdn, ended_at, due_at, state, version)
SELECT id, pool_fqdn, ended_at, DATEADD(DAY, 7, CURRENT_TIMESTAMP), 'WAITING', 0
FROM run
WHERE state IN ('COMPLETED', 'FAILED', 'ABORTED') AND ended_at IS NOT NULL;
