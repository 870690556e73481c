-- Drills may skip the data-loss gate when their policy says so (only read for run:DRILL).
ALTER TABLE approval_policy ADD data_loss_gate_waived BIT NOT NULL DEFAULT 0;

-- Set once the expiry of an approval is on the audit trail, so that several portal instances
-- sweeping at once record it once.
ALTER TABLE approval ADD expiry_recorded BIT NOT NULL DEFAULT 0;

-- Emergency start of a DISASTER run, owed ratification and its deadline; overdue_recorded as above.
ALTER TABLE run ADD emergency_by NVARCHAR(64) NULL;
ALTER TABLE run ADD emergency_at DATETIMEOFFSET NULL;
ALTER TABLE run ADD emergency_reason NVARCHAR(1000) NULL;
ALTER TABLE run ADD ratify_by DATETIMEOFFSET NULL;
ALTER TABLE run ADD ratified_at DATETIMEOFFSET NULL;
ALTER TABLE run ADD overdue_recorded BIT NOT NULL DEFAULT 0;

-- The data-loss gate before the step that recovers the backup database (F-4): which step it
-- guards (NULL: no gate), whether the drill policy waived it, the RPO target frozen with the
-- procedure, what the operator recorded and who accepted the loss in writing.
ALTER TABLE run ADD data_loss_gate_step INT NULL;
ALTER TABLE run ADD data_loss_gate_waived BIT NOT NULL DEFAULT 0;
ALTER TABLE run ADD rpo_target_minutes INT NULL;
ALTER TABLE run ADD last_log_backup NVARCHAR(260) NULL;
ALTER TABLE run ADD last_log_backup_at DATETIMEOFFSET NULL;
ALTER TABLE run ADD primary_lost_at DATETIMEOFFSET NULL;
ALTER TABLE run ADD data_loss_recorded_by NVARCHAR(64) NULL;
ALTER TABLE run ADD data_loss_recorded_at DATETIMEOFFSET NULL;
ALTER TABLE run ADD data_loss_accepted_by NVARCHAR(64) NULL;
ALTER TABLE run ADD data_loss_accepted_at DATETIMEOFFSET NULL;
ALTER TABLE run ADD data_loss_acceptance NVARCHAR(1000) NULL;

CREATE INDEX ix_run_ratification ON run (ratify_by);
