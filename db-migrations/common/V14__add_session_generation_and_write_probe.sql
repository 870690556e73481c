-- Sessions follow the account (docs/decisions/015): every change that must end the account's open
-- sessions (disabling, a role change, a password reset or change) increments session_generation;
-- each request of a session compares the generation it signed in with against this column.
ALTER TABLE app_user ADD session_generation INT NOT NULL DEFAULT 0;

-- The client address of a claimed sign-in attempt: the last enabled administrator is throttled per
-- address instead of being locked by somebody else's wrong passwords.
ALTER TABLE sign_in_failure ADD client_address NVARCHAR(64) NULL;

-- One row that readiness updates in a rolled-back transaction: "the database can be written",
-- proven by writing, on H2 and SQL Server alike.
CREATE TABLE db_write_probe (
    id INT NOT NULL PRIMARY KEY,
    checked_at DATETIMEOFFSET NULL
);
INSERT INTO db_write_probe (id) VALUES (1);
