-- Issue 14: the history of one subject (a run, its review) is read by its target.
CREATE INDEX ix_audit_record_target ON audit_record (target);
