-- Issue 14 (decision 020): each filter of the audit explorer reads its index newest first and stops at
-- the page size. With the sequence in the index, "where actor = ? and seq < ? order by actor desc,
-- seq desc" is one index range read in order; the single-column indexes made the database sort every
-- record of the actor (tens of thousands at a million events) for each page.
DROP INDEX ix_audit_record_actor ON audit_record;
DROP INDEX ix_audit_record_action ON audit_record;
DROP INDEX ix_audit_record_target ON audit_record;
CREATE INDEX ix_audit_record_actor_seq ON audit_record (actor, seq);
CREATE INDEX ix_audit_record_action_seq ON audit_record (action, seq);
CREATE INDEX ix_audit_record_target_seq ON audit_record (target, seq);
