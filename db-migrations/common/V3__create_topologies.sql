CREATE TABLE topology (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    name NVARCHAR(200) NOT NULL,
    latest_version INT NOT NULL,
    published_version INT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    created_by NVARCHAR(64) NOT NULL,
    version BIGINT NOT NULL
);

-- Every saved change: immutable, the whole pchat-dr-topology/1 document as exported.
CREATE TABLE topology_version (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    topology_id BIGINT NOT NULL,
    number INT NOT NULL,
    document NVARCHAR(MAX) NOT NULL,
    sha256 NVARCHAR(64) NOT NULL,
    author NVARCHAR(64) NOT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    comment NVARCHAR(1000) NULL,
    changes NVARCHAR(MAX) NULL,
    CONSTRAINT uq_topology_version_number UNIQUE (topology_id, number),
    CONSTRAINT fk_topology_version_topology FOREIGN KEY (topology_id) REFERENCES topology (id)
);

-- A warning someone looked at and accepted, with why; it holds for the topology until the
-- warning goes away.
CREATE TABLE warning_acknowledgement (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    topology_id BIGINT NOT NULL,
    rule_id NVARCHAR(16) NOT NULL,
    path NVARCHAR(400) NOT NULL,
    reason NVARCHAR(1000) NOT NULL,
    acknowledged_by NVARCHAR(64) NOT NULL,
    acknowledged_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT uq_warning_acknowledgement UNIQUE (topology_id, rule_id, path),
    CONSTRAINT fk_warning_acknowledgement_topology FOREIGN KEY (topology_id) REFERENCES topology (id)
);
