-- Issue 16, decision 022: audit records waiting to be forwarded to the company's collector (syslog or
-- HTTP). A row is written in the same transaction as its audit record, and deleted once the collector
-- took it; seq is the record's sequence and the event's id on the wire.
CREATE TABLE audit_outbox (
    seq BIGINT NOT NULL PRIMARY KEY,
    created_at DATETIMEOFFSET NOT NULL
);

-- One row: the forwarder's shared state. The instance that sends row-locks it first, so two instances
-- do not normally send the same records, and the back-off after a failure holds for every instance.
CREATE TABLE audit_forwarder (
    id INT NOT NULL PRIMARY KEY,
    failures INT NOT NULL,
    next_attempt_at DATETIMEOFFSET NULL,
    last_error NVARCHAR(512) NULL,
    last_sent_seq BIGINT NOT NULL,
    last_sent_at DATETIMEOFFSET NULL
);

INSERT INTO audit_forwarder (id, failures, next_attempt_at, last_error, last_sent_seq, last_sent_at)
VALUES (1, 0, NULL, NULL, 0, NULL);
