CREATE TABLE audit_record (
    seq BIGINT NOT NULL PRIMARY KEY,
    occurred_at DATETIMEOFFSET NOT NULL,
    actor NVARCHAR(256) NOT NULL,
    action NVARCHAR(64) NOT NULL,
    target NVARCHAR(512) NULL,
    details NVARCHAR(MAX) NULL,
    client_address NVARCHAR(64) NULL,
    previous_hash NVARCHAR(64) NOT NULL,
    hash NVARCHAR(64) NOT NULL
);

CREATE INDEX ix_audit_record_actor ON audit_record (actor);
CREATE INDEX ix_audit_record_action ON audit_record (action);
CREATE INDEX ix_audit_record_occurred_at ON audit_record (occurred_at);

-- One row: the end of the chain. Appending locks it, so writers from every portal instance queue up
-- in the database and the chain stays linear.
CREATE TABLE audit_chain_head (
    id INT NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL,
    last_hash NVARCHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, N'0000000000000000000000000000000000000000000000000000000000000000');
