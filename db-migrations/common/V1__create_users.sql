CREATE TABLE app_user (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    username NVARCHAR(64) NOT NULL,
    password_hash NVARCHAR(255) NOT NULL,
    enabled BIT NOT NULL,
    must_change_password BIT NOT NULL,
    locked_until DATETIMEOFFSET NULL,
    created_at DATETIMEOFFSET NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username)
);

CREATE TABLE app_user_role (
    user_id BIGINT NOT NULL,
    role NVARCHAR(16) NOT NULL,
    CONSTRAINT pk_app_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

CREATE TABLE sign_in_failure (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    occurred_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT fk_sign_in_failure_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

CREATE INDEX ix_sign_in_failure_user ON sign_in_failure (user_id, occurred_at);
