-- API tokens (issue 11): named, expiring, revocable. Only the SHA-256 of the token is stored; the
-- token itself is shown once, when it is created.
CREATE TABLE api_token (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    name NVARCHAR(100) NOT NULL,
    token_hash NVARCHAR(64) NOT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    expires_at DATETIMEOFFSET NOT NULL,
    last_used_at DATETIMEOFFSET NULL,
    revoked_at DATETIMEOFFSET NULL,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

CREATE INDEX ix_api_token_user ON api_token (user_id);
