-- The lockout policy an administrator set in the portal; while this table is empty, the
-- PORTAL_LOCKOUT_* configuration applies. At most one row.
CREATE TABLE lockout_policy (
    id INT NOT NULL PRIMARY KEY,
    max_failures INT NOT NULL,
    window_minutes INT NOT NULL,
    duration_minutes INT NOT NULL,
    updated_by NVARCHAR(64) NOT NULL,
    updated_at DATETIMEOFFSET NOT NULL
);
