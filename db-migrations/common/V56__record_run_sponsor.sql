-- Issue 13: a configuration run that a change request stands behind is approved by that change,
-- never by a round of its own. The run keeps who stands behind it, so that the run's rulebook
-- refuses Approve, Reject and Withdraw on it everywhere (run page, approvals inbox, REST actions).
ALTER TABLE run ADD sponsored_by NVARCHAR(300) NULL;

-- Runs created by change requests before this column existed.
UPDATE run
SET sponsored_by = (
    SELECT CONCAT('change request ', MIN(c.change_id)) FROM change_run c WHERE c.run_id = run.id
)
WHERE id IN (SELECT c.run_id FROM change_run c WHERE c.run_id IS NOT NULL);
