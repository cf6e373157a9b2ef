-- Upshift store, schema 1: workspaces, their keys, their records.
-- Runs unchanged on SQLite and PostgreSQL (see dev.upshift.store.Migrations for the placeholder).
-- Times are ISO-8601 instants as text: both databases store and compare them the same way.
-- Hashes are BYTEA: PostgreSQL's byte string; SQLite keeps a blob in any column as it is.

CREATE TABLE workspaces (
  id           BIGINT       NOT NULL PRIMARY KEY,
  name         VARCHAR(128) NOT NULL UNIQUE,
  -- Grows by one with every committed change of the workspace's records (SPEC §8.3).
  data_version BIGINT       NOT NULL,
  created_at   VARCHAR(40)  NOT NULL
);

CREATE TABLE api_keys (
  id           VARCHAR(40)  NOT NULL PRIMARY KEY,
  workspace_id BIGINT       NOT NULL REFERENCES workspaces (id),
  -- SHA-256 of the secret; the secret itself is never stored.
  secret_hash  BYTEA        NOT NULL UNIQUE,
  scope        VARCHAR(8)   NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
  name         VARCHAR(256),
  created_at   VARCHAR(40)  NOT NULL,
  revoked_at   VARCHAR(40)
);

CREATE INDEX api_keys_by_workspace ON api_keys (workspace_id);

CREATE TABLE records (
  workspace_id BIGINT       NOT NULL REFERENCES workspaces (id),
  -- phases, customers, plans, health, targets, fx or initiatives
  kind         VARCHAR(16)  NOT NULL,
  -- Compared by code point in both databases, so listings page the same way.
  id           VARCHAR(256) ${binary_collation} NOT NULL,
  -- SHA-256 of content: equal hashes are equal content, compared without reading the text.
  content_hash BYTEA        NOT NULL,
  -- The fields as canonical JSON: one flat object of strings, names sorted.
  content      TEXT         NOT NULL,
  PRIMARY KEY (workspace_id, kind, id)
);
