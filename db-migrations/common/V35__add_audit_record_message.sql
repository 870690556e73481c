-- Issue 12: the details of a record as a message of the bundles and its arguments (JSON), so that
-- each reader sees them in their own language. Records written before have none and keep their
-- text; the hash covers the message only where there is one, so their hashes still verify.
ALTER TABLE audit_record ADD message NVARCHAR(MAX) NULL;
