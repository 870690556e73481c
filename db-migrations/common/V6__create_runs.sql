-- Guided runs: the procedure frozen at request time (document and SHA-256) and the run's state.
CREATE TABLE run (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    topology_id BIGINT NOT NULL,
    topology_name NVARCHAR(200) NOT NULL,
    topology_version INT NOT NULL,
    pool_fqdn NVARCHAR(255) NOT NULL,
    procedure_name NVARCHAR(64) NOT NULL,
    variant NVARCHAR(32) NULL,
    procedure_sha256 NVARCHAR(64) NOT NULL,
    procedure_document NVARCHAR(MAX) NOT NULL,
    kind NVARCHAR(16) NOT NULL,
    state NVARCHAR(16) NOT NULL,
    reason NVARCHAR(1000) NOT NULL,
    requested_by NVARCHAR(64) NOT NULL,
    requested_at DATETIMEOFFSET NOT NULL,
    rto_target_minutes INT NULL,
    incident_at DATETIMEOFFSET NULL,
    started_by NVARCHAR(64) NULL,
    started_at DATETIMEOFFSET NULL,
    ended_by NVARCHAR(64) NULL,
    ended_at DATETIMEOFFSET NULL,
    end_reason NVARCHAR(1000) NULL,
    changed_by NVARCHAR(64) NOT NULL,
    changed_at DATETIMEOFFSET NOT NULL,
    transitions INT NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_run_topology FOREIGN KEY (topology_id) REFERENCES topology (id)
);

CREATE INDEX ix_run_pool ON run (pool_fqdn);
CREATE INDEX ix_run_state ON run (state);

-- One row per frozen step, with its state and who did what when.
CREATE TABLE run_step (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    run_id BIGINT NOT NULL,
    number INT NOT NULL,
    rule_id NVARCHAR(32) NULL,
    title NVARCHAR(1000) NOT NULL,
    state NVARCHAR(16) NOT NULL,
    attempts INT NOT NULL,
    started_at DATETIMEOFFSET NULL,
    started_by NVARCHAR(64) NULL,
    ended_at DATETIMEOFFSET NULL,
    ended_by NVARCHAR(64) NULL,
    note NVARCHAR(1000) NULL,
    output_text NVARCHAR(MAX) NULL,
    failure_reason NVARCHAR(1000) NULL,
    skip_requested_by NVARCHAR(64) NULL,
    skip_requested_at DATETIMEOFFSET NULL,
    skip_reason NVARCHAR(1000) NULL,
    skip_approved_by NVARCHAR(64) NULL,
    CONSTRAINT uq_run_step_number UNIQUE (run_id, number),
    CONSTRAINT fk_run_step_run FOREIGN KEY (run_id) REFERENCES run (id)
);

-- The run in the way of each pool: inserted with the request, deleted when the run ends. The
-- primary key is what keeps one active run per pool across several portal instances.
CREATE TABLE active_run (
    pool_key NVARCHAR(300) NOT NULL PRIMARY KEY,
    run_id BIGINT NOT NULL,
    since DATETIMEOFFSET NOT NULL,
    CONSTRAINT fk_active_run_run FOREIGN KEY (run_id) REFERENCES run (id)
);
