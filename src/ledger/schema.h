// schema.h: the ledger's SQL schema as a list of migrations (internal).
//
// kMigrations[i] takes a file from user_version i to i + 1; Ledger::kSchemaVersion
// equals the number of migrations. A migration is only ever appended, never edited
// once released: files in the wild were built by the old text. docs/schema.md
// documents every table and column.
#ifndef NEWSLEDGER_LEDGER_SCHEMA_H_
#define NEWSLEDGER_LEDGER_SCHEMA_H_

#include <array>
#include <string_view>

namespace newsledger::ledger_internal {

inline constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_key TEXT NOT NULL,
  url TEXT,
  outlet TEXT,
  title TEXT,
  published TEXT,
  published_inferred INTEGER NOT NULL DEFAULT 0,
  content_hash TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  current INTEGER NOT NULL DEFAULT 1,
  origin TEXT,
  text TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  ingested_at TEXT NOT NULL,
  n_paragraphs INTEGER NOT NULL DEFAULT 0,
  n_sentences INTEGER NOT NULL DEFAULT 0,
  n_entities INTEGER NOT NULL DEFAULT 0,
  n_mentions INTEGER NOT NULL DEFAULT 0,
  n_quantities INTEGER NOT NULL DEFAULT 0,
  n_times INTEGER NOT NULL DEFAULT 0,
  n_quotes INTEGER NOT NULL DEFAULT 0,
  n_events INTEGER NOT NULL DEFAULT 0,
  n_claims INTEGER NOT NULL DEFAULT 0,
  n_checks INTEGER NOT NULL DEFAULT 0,
  complete INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX documents_hash ON documents(content_hash);
CREATE INDEX documents_url ON documents(url, revision) WHERE url IS NOT NULL;
CREATE INDEX documents_published ON documents(published);

CREATE TABLE paragraphs (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  body_start INTEGER NOT NULL,
  body_end INTEGER NOT NULL,
  source TEXT
);
CREATE INDEX paragraphs_document ON paragraphs(document_id, idx);

CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  token_begin INTEGER NOT NULL,
  token_end INTEGER NOT NULL,
  source TEXT,
  text TEXT NOT NULL
);
CREATE INDEX sentences_document ON sentences(document_id, idx);

CREATE TABLE global_entities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '',
  name_key TEXT NOT NULL,
  geonames_id INTEGER,
  documents INTEGER NOT NULL DEFAULT 0,
  mentions INTEGER NOT NULL DEFAULT 0,
  first_document INTEGER,
  last_document INTEGER
);
CREATE UNIQUE INDEX global_entities_key ON global_entities(name_key, type, country);

CREATE TABLE entity_aliases (
  global_id INTEGER NOT NULL REFERENCES global_entities(id),
  alias TEXT NOT NULL,
  alias_key TEXT NOT NULL,
  documents INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (alias_key, global_id)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_global ON entity_aliases(global_id);

CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  local_id TEXT NOT NULL,
  global_id INTEGER REFERENCES global_entities(id),
  type TEXT NOT NULL,
  canonical TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  country TEXT,
  geonames_id INTEGER,
  latitude REAL,
  longitude REAL,
  mentions INTEGER NOT NULL
);
CREATE INDEX entities_document ON entities(document_id);
CREATE INDEX entities_global ON entities(global_id);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  pronoun INTEGER NOT NULL DEFAULT 0,
  sentence INTEGER
);
CREATE INDEX mentions_document ON mentions(document_id, start);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quantities (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value REAL,
  low REAL,
  high REAL,
  qualifier TEXT NOT NULL,
  unit TEXT,
  per TEXT,
  counted TEXT,
  counted_start INTEGER,
  counted_end INTEGER,
  sentence INTEGER,
  subject TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  period TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quantities_document ON quantities(document_id, idx);
CREATE INDEX quantities_subject ON quantities(subject, place, period) WHERE subject <> '';

CREATE TABLE times (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT,
  mod TEXT,
  sentence INTEGER
);
CREATE INDEX times_document ON times(document_id, idx);
CREATE INDEX times_value ON times(value);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  direct INTEGER NOT NULL,
  speaker TEXT,
  speaker_id TEXT,
  speaker_global_id INTEGER REFERENCES global_entities(id),
  speaker_start INTEGER,
  speaker_end INTEGER,
  cue TEXT,
  cue_start INTEGER,
  cue_end INTEGER,
  outlet TEXT,
  reported_by TEXT,
  sentence INTEGER
);
CREATE INDEX quotes_document ON quotes(document_id, idx);
CREATE INDEX quotes_speaker_global ON quotes(speaker_global_id) WHERE speaker_global_id IS NOT NULL;

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  status TEXT NOT NULL,
  actor_id TEXT, actor_text TEXT, actor_start INTEGER, actor_end INTEGER,
  actor_country TEXT, actor_sector TEXT, actor_geonames_id INTEGER,
  target_id TEXT, target_text TEXT, target_start INTEGER, target_end INTEGER,
  target_country TEXT, target_sector TEXT, target_geonames_id INTEGER,
  location_id TEXT, location_text TEXT, location_start INTEGER, location_end INTEGER,
  location_country TEXT, location_sector TEXT, location_geonames_id INTEGER,
  time TEXT,
  quote INTEGER,
  sentence INTEGER
);
CREATE INDEX events_document ON events(document_id, idx);
CREATE INDEX events_type ON events(type);

CREATE TABLE event_quantities (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  event INTEGER NOT NULL,
  quantity INTEGER NOT NULL,
  PRIMARY KEY (document_id, event, quantity)
) WITHOUT ROWID;

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker TEXT,
  speaker_id TEXT,
  subject TEXT,
  place TEXT,
  period TEXT,
  quantity INTEGER NOT NULL,
  sentence INTEGER
);
CREATE INDEX claims_document ON claims(document_id, idx);

CREATE TABLE checks (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  claim INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  status TEXT NOT NULL,
  ratio REAL,
  ref_subject TEXT, ref_place TEXT, ref_period TEXT,
  ref_low REAL, ref_high REAL,
  ref_source TEXT, ref_url TEXT
);
CREATE INDEX checks_document ON checks(document_id, claim, idx);

CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, speaker, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
)sql";

inline constexpr std::array<std::string_view, 1> kMigrations = {kSchemaV1};

}  // namespace newsledger::ledger_internal

#endif  // NEWSLEDGER_LEDGER_SCHEMA_H_
