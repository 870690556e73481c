-- Issue 13, the rest of change control.
-- The configuration runs a change request's implementation creates: one row per procedure the diff
-- calls for on a pool. run_id stays NULL while an earlier run of the same change holds the pool
-- (one active run per pool); the next is created when that run ends.
CREATE TABLE change_run (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    change_id BIGINT NOT NULL,
    pool_fqdn NVARCHAR(255) NOT NULL,
    procedure_name NVARCHAR(64) NOT NULL,
    variant NVARCHAR(32) NULL,
    run_id BIGINT NULL,
    planned_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT fk_change_run_change FOREIGN KEY (change_id) REFERENCES change_request (id)
);

CREATE INDEX ix_change_run_change ON change_run (change_id);
CREATE INDEX ix_change_run_run ON change_run (run_id);

-- Extensions of an implementation's window, granted by an approver who is not the implementer,
-- with a reason (C-11).
CREATE TABLE change_extension (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    change_id BIGINT NOT NULL,
    extended_to DATETIMEOFFSET NOT NULL,
    reason NVARCHAR(1000) NOT NULL,
    granted_by NVARCHAR(64) NOT NULL,
    granted_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT fk_change_extension_change FOREIGN KEY (change_id) REFERENCES change_request (id)
);

CREATE INDEX ix_change_extension_change ON change_extension (change_id);

-- An emergency's override of a freeze, by a second approver, for one approval round (C-12).
ALTER TABLE change_request ADD freeze_override_round BIGINT NULL;
ALTER TABLE change_request ADD freeze_override_by NVARCHAR(64) NULL;
ALTER TABLE change_request ADD freeze_override_at DATETIMEOFFSET NULL;
ALTER TABLE change_request ADD freeze_override_reason NVARCHAR(1000) NULL;
