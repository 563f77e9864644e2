#include "app/storage/Schemas.h"

namespace onewindow::storage {

const QList<Migration>& outboxMigrations()
{
    // Personal data lives only in payload_ct (AES-256-GCM). applicant_bidx is a keyed hash;
    // applicant_mask is the display mask (张*) kept for reprints.
    static const QList<Migration> steps = {
        {1, R"sql(
CREATE TABLE outbox_item (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id         TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('submission', 'rating')),
  query_code      TEXT NOT NULL UNIQUE,
  service_item_code TEXT NOT NULL,
  service_item_name TEXT NOT NULL,
  form_version    INTEGER NOT NULL,
  applicant_bidx  BLOB,
  applicant_mask  TEXT,
  payload_ct      BLOB,
  payload_sha256  BLOB NOT NULL,
  key_ver         INTEGER NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('QUEUED','SENDING','ACKED','PURGED','RETRY_WAIT','REJECTED')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  hub_receipt_id  TEXT,
  promised_date   TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  acked_at        INTEGER,
  purge_after     INTEGER,
  purged_at       INTEGER
) STRICT;
CREATE INDEX outbox_ready ON outbox_item(state, next_attempt_at);
CREATE INDEX outbox_applicant ON outbox_item(applicant_bidx);

-- The state table of DESIGN.md §6 enforced by the database itself, so no code path (or a
-- technician with the sqlite3 shell) can skip a state or resurrect a purged row.
CREATE TRIGGER outbox_state_edges BEFORE UPDATE OF state ON outbox_item
WHEN NEW.state <> OLD.state AND NOT (
     (OLD.state = 'QUEUED'     AND NEW.state = 'SENDING')
  OR (OLD.state = 'RETRY_WAIT' AND NEW.state = 'SENDING')
  OR (OLD.state = 'SENDING'    AND NEW.state IN ('ACKED', 'RETRY_WAIT', 'REJECTED'))
  OR (OLD.state = 'ACKED'      AND NEW.state = 'PURGED'))
BEGIN SELECT RAISE(ABORT, 'outbox: invalid state transition'); END;

-- I4: a payload disappears only with the move to PURGED, which needs ACKED + retention.
CREATE TRIGGER outbox_payload_kept BEFORE UPDATE OF payload_ct ON outbox_item
WHEN NEW.payload_ct IS NULL AND OLD.payload_ct IS NOT NULL AND NEW.state <> 'PURGED'
BEGIN SELECT RAISE(ABORT, 'outbox: payload deleted before purge'); END;

CREATE TRIGGER outbox_purge_after_retention BEFORE UPDATE OF state ON outbox_item
WHEN NEW.state = 'PURGED' AND (OLD.purge_after IS NULL OR NEW.purged_at < OLD.purge_after)
BEGIN SELECT RAISE(ABORT, 'outbox: purge before the retention period'); END;

-- Rows are never deleted while they may hold a resident's only copy.
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox_item
WHEN OLD.state NOT IN ('PURGED')
BEGIN SELECT RAISE(ABORT, 'outbox: only purged stubs may be deleted'); END;

CREATE TABLE attempt_log (
  item_id   TEXT NOT NULL,
  attempt   INTEGER NOT NULL,
  at        INTEGER NOT NULL,
  outcome   TEXT NOT NULL,
  http      INTEGER,
  detail    TEXT
) STRICT;
CREATE INDEX attempt_log_item ON attempt_log(item_id);

CREATE TABLE device_state (
  k TEXT PRIMARY KEY,
  v TEXT
) STRICT;
)sql"},
    };
    return steps;
}

const QList<Migration>& cacheMigrations()
{
    // license_key and holder_bidx are keyed hashes; everything personal is in payload_ct.
    // status/valid_* stay in clear so "valid licences" is a query, not a decrypt of each row.
    static const QList<Migration> steps = {
        {1, R"sql(
CREATE TABLE license (
  id          INTEGER PRIMARY KEY,
  license_key BLOB NOT NULL UNIQUE,
  type_code   TEXT NOT NULL,
  status      TEXT NOT NULL,
  valid_from  TEXT,
  valid_to    TEXT,
  hub_version INTEGER NOT NULL,
  key_ver     INTEGER NOT NULL,
  payload_ct  BLOB,
  fetched_at  INTEGER NOT NULL
) STRICT;
CREATE TABLE license_holder (
  holder_bidx BLOB NOT NULL,
  license_id  INTEGER NOT NULL,
  PRIMARY KEY (holder_bidx, license_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX license_holder_by_license ON license_holder(license_id);
CREATE TABLE sync_state (
  scope       TEXT PRIMARY KEY,
  cursor      TEXT,
  last_ok_at  INTEGER,
  pages       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE catalog (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  version     TEXT,
  etag        TEXT,
  fetched_at  INTEGER NOT NULL,
  body        BLOB NOT NULL
) STRICT;
)sql"},
    };
    return steps;
}

const QList<Migration>& auditMigrations()
{
    // mac = HMAC(audit key, prev mac | canonical row); audit_head holds the newest link,
    // MAC'd too, so cutting rows off the end is detected as well.
    static const QList<Migration> steps = {
        {1, R"sql(
CREATE TABLE audit_event (
  seq          INTEGER PRIMARY KEY,
  at           INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  actor        TEXT,
  object_ref   TEXT,
  purpose      TEXT,
  service_item TEXT,
  result       TEXT,
  detail       TEXT,
  mac          BLOB NOT NULL
) STRICT;
CREATE TABLE audit_head (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  seq      INTEGER NOT NULL,
  mac      BLOB NOT NULL,
  head_mac BLOB NOT NULL
) STRICT;
)sql"},
    };
    return steps;
}

} // namespace onewindow::storage
