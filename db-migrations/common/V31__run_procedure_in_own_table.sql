-- Issue 10 (performance): a run's frozen procedure (every language, about 70 KB) moves out of the run
-- row into a row of its own, written once with the request and never updated. In the run row, which
-- every transition updates, the embedded database serialised the whole document again at each commit
-- (WRITE_DELAY=0): the run's page, and the undo log of every open transaction that had changed a run.
-- The flight recording of bench/runs.sh put 14 % of all CPU samples in writing those strings.
CREATE TABLE run_procedure (
    run_id BIGINT NOT NULL PRIMARY KEY,
    procedure_document NVARCHAR(MAX) NOT NULL,
    CONSTRAINT fk_run_procedure_run FOREIGN KEY (run_id) REFERENCES run (id)
);

INSERT INTO run_procedure (run_id, procedure_document) SELECT id, procedure_document FROM run;

ALTER TABLE run DROP COLUMN procedure_document;
