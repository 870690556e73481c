-- Sign-in with the company directory (issue 15, docs/decisions/018). An account is either LOCAL
-- (password hash stored here) or DIRECTORY (the directory checks the password: password_hash holds
-- an empty string that no password matches, and its roles are recomputed from its groups at every
-- sign-in). directory_groups lists, one DN per line, the groups that gave the current roles.
ALTER TABLE app_user ADD source NVARCHAR(16) NOT NULL DEFAULT 'LOCAL';
ALTER TABLE app_user ADD last_sign_in_at DATETIMEOFFSET NULL;
ALTER TABLE app_user ADD directory_groups NVARCHAR(MAX) NULL;

-- The directory groups -> roles mapping saved by an administrator, as the JSON object that
-- PORTAL_LDAP_GROUP_ROLES takes ({"<group DN>": ["OPERATOR"], ...}). While no row exists, the
-- configuration's mapping is in force.
CREATE TABLE directory_group_mapping (
    id INT NOT NULL PRIMARY KEY,
    mapping NVARCHAR(MAX) NOT NULL,
    updated_by NVARCHAR(64) NOT NULL,
    updated_at DATETIMEOFFSET NOT NULL
);
