// ledger.cc: opening, migrating and writing the SQLite ledger (see ledger.h).
#include "newsledger/ledger.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <unordered_map>

#include "ledger/backend.h"
#include "ledger/schema.h"
#include "ledger/statement.h"
#include "ledger/subject.h"
#include "newsledger/error.h"

namespace newsledger {

using ledger_internal::Null;
using ledger_internal::Statement;

const char* ToString(StoreStatus s) {
  switch (s) {
    case StoreStatus::kStored: return "stored";
    case StoreStatus::kRevision: return "revision";
    case StoreStatus::kDuplicate: return "duplicate";
  }
  return "stored";
}

namespace {

std::string NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

template <typename E>
E Parse(const std::string& name, E fallback, std::initializer_list<E> all) {
  for (E e : all)
    if (name == ToString(e)) return e;
  return fallback;
}

}  // namespace

void CheckSpans(const Document& doc) {
  const size_t n = doc.text.size();
  auto check = [&](Span s, const char* what, size_t i) {
    if (s.start > s.end || s.end > n)
      throw Error(doc.origin.empty() ? doc.id : doc.origin,
                  std::string(what) + " " + std::to_string(i) + " has span [" + std::to_string(s.start) + ", " +
                      std::to_string(s.end) + ") outside the text (" + std::to_string(n) + " bytes)");
  };
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    check(doc.paragraphs[i].span, "paragraph", i);
    check(doc.paragraphs[i].body, "paragraph body", i);
  }
  for (size_t i = 0; i < doc.sentences.size(); ++i) check(doc.sentences[i].span, "sentence", i);
  for (size_t i = 0; i < doc.entities.size(); ++i) check(doc.entities[i].span, "entity", i);
  for (size_t i = 0; i < doc.quantities.size(); ++i) {
    check(doc.quantities[i].span, "quantity", i);
    check(doc.quantities[i].counted_span, "quantity counted", i);
  }
  for (size_t i = 0; i < doc.times.size(); ++i) check(doc.times[i].span, "time", i);
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    check(doc.quotes[i].span, "quote", i);
    check(doc.quotes[i].speaker_span, "quote speaker", i);
    check(doc.quotes[i].cue_span, "quote cue", i);
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    check(e.span, "event", i);
    for (const std::optional<EventArgument>* a : {&e.actor, &e.target, &e.location})
      if (*a) check((*a)->span, "event argument", i);
  }
  for (size_t i = 0; i < doc.claims.size(); ++i) check(doc.claims[i].span, "claim", i);
}

// Every statement Store() runs, prepared once per connection.
struct Ledger::Statements {
  explicit Statements(Ledger& l)
      : find_hash(l, "SELECT id, revision FROM documents WHERE content_hash = ?"),
        find_url(l, "SELECT id, revision FROM documents WHERE url = ? ORDER BY revision DESC LIMIT 1"),
        supersede(l, "UPDATE documents SET current = 0 WHERE url = ? AND current = 1"),
        insert_document(l,
                        "INSERT INTO documents (doc_key, url, outlet, title, published, published_inferred, "
                        "content_hash, revision, current, origin, text, bytes, ingested_at, n_paragraphs, "
                        "n_sentences, n_entities, n_mentions, n_quantities, n_times, n_quotes, n_events, "
                        "n_claims, n_checks, complete) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) RETURNING id"),
        complete(l, "UPDATE documents SET complete = 1 WHERE id = ?"),
        insert_paragraph(l,
                         "INSERT INTO paragraphs (document_id, idx, start, \"end\", body_start, body_end, source) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        insert_sentence(l,
                        "INSERT INTO sentences (document_id, idx, paragraph, start, \"end\", token_begin, "
                        "token_end, source, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        find_global(l, "SELECT id FROM global_entities WHERE name_key = ? AND type = ? AND country = ?"),
        find_global_any_country(l,
                                "SELECT id, country FROM global_entities WHERE name_key = ? AND type = ? "
                                "AND (country = '' OR ? = '') LIMIT 2"),
        find_global_by_alias(l,
                             "SELECT DISTINCT a.global_id FROM entity_aliases a JOIN global_entities g "
                             "ON g.id = a.global_id WHERE a.alias_key = ? AND g.type = ? "
                             "AND (g.country = ? OR g.country = '' OR ? = '') LIMIT 2"),
                // Both updates leave the row as it is when another row already has the key
        // they would give it (the unique index on name_key, type, country).
        set_global_country(l,
                           "UPDATE global_entities AS g SET country = ?1 WHERE g.id = ?2 AND g.country = '' "
                           "AND NOT EXISTS (SELECT 1 FROM global_entities o WHERE o.name_key = g.name_key "
                           "AND o.type = g.type AND o.country = ?1)"),
        rename_global(l,
                      "UPDATE global_entities AS g SET name = ?1, name_key = ?2 WHERE g.id = ?3 "
                      "AND NOT EXISTS (SELECT 1 FROM global_entities o WHERE o.name_key = ?2 "
                      "AND o.type = g.type AND o.country = g.country AND o.id <> g.id)"),
        insert_global(l,
                      "INSERT INTO global_entities (name, type, country, name_key, geonames_id) "
                      "VALUES (?, ?, ?, ?, ?) RETURNING id"),
        count_global(l,
                     "UPDATE global_entities SET documents = documents + ?, mentions = mentions + ?, "
                     "first_document = coalesce(first_document, ?3), last_document = ?3 WHERE id = ?4"),
        upsert_alias(l,
                     "INSERT INTO entity_aliases (global_id, alias, alias_key, documents) VALUES (?, ?, ?, 1) "
                     "ON CONFLICT(alias_key, global_id) DO UPDATE SET documents = entity_aliases.documents + 1"),
        insert_entity(l,
                      "INSERT INTO entities (document_id, local_id, global_id, type, canonical, start, \"end\", text, "
                      "country, geonames_id, latitude, longitude, mentions) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        insert_mention(l,
                       "INSERT INTO mentions (document_id, entity_id, idx, start, \"end\", text, pronoun, sentence) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        insert_quantity(l,
                        "INSERT INTO quantities (document_id, idx, start, \"end\", text, type, value, low, high, "
                        "qualifier, unit, per, counted, counted_start, counted_end, sentence, subject, place, "
                        "period) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        insert_time(l,
                    "INSERT INTO times (document_id, idx, start, \"end\", text, type, value, mod, sentence) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        insert_quote(l,
                     "INSERT INTO quotes (document_id, idx, start, \"end\", text, direct, speaker, speaker_id, "
                     "speaker_global_id, speaker_start, speaker_end, cue, cue_start, cue_end, outlet, "
                     "reported_by, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        insert_event(l,
                     "INSERT INTO events (document_id, idx, start, \"end\", text, type, mode, status, "
                     "actor_id, actor_text, actor_start, actor_end, actor_country, actor_sector, "
                     "actor_geonames_id, target_id, target_text, target_start, target_end, target_country, "
                     "target_sector, target_geonames_id, location_id, location_text, location_start, "
                     "location_end, location_country, location_sector, location_geonames_id, time, quote, "
                     "sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        insert_event_quantity(l,
                              "INSERT INTO event_quantities (document_id, event, quantity) "
                              "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
        insert_claim(l,
                     "INSERT INTO claims (document_id, idx, start, \"end\", text, speaker, speaker_id, subject, "
                     "place, period, quantity, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        insert_check(l,
                     "INSERT INTO checks (document_id, claim, idx, start, \"end\", status, ratio, ref_subject, "
                     "ref_place, ref_period, ref_low, ref_high, ref_source, ref_url) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {
    // SQLite keeps its FTS5 indexes by hand (external-content tables); PostgreSQL's
    // GIN indexes over to_tsvector follow the rows by themselves.
    if (!l.postgres()) {
      insert_sentence_fts = std::make_unique<Statement>(l, "INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)");
      insert_quote_fts =
          std::make_unique<Statement>(l, "INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?, ?, ?)");
    }
  }

  Statement find_hash, find_url, supersede, insert_document, complete, insert_paragraph, insert_sentence,
      find_global, find_global_any_country, find_global_by_alias, set_global_country, rename_global, insert_global,
      count_global, upsert_alias, insert_entity, insert_mention, insert_quantity, insert_time, insert_quote,
      insert_event, insert_event_quantity, insert_claim, insert_check;
  std::unique_ptr<Statement> insert_sentence_fts, insert_quote_fts;
};

Ledger::Ledger(std::string path, const LedgerOptions& options)
    : path_(ledger_internal::RedactLocation(path)), options_(options) {
  static_assert(ledger_internal::kMigrations.size() == kSchemaVersion);
  conn_ = ledger_internal::OpenConnection(path, options_);
  dialect_ = std::make_unique<ledger_internal::Dialect>();
  dialect_->kind = conn_->kind();
  conn_->Migrate();
  if (!options_.read_only) stmts_ = std::make_unique<Statements>(*this);
}

Ledger::~Ledger() {
  RollbackBatch();
  stmts_.reset();
  conn_.reset();
}

void Ledger::BeginBatch() {
  if (!stmts_) throw Error(path_, "opened for reading; cannot store");
  if (batch_) return;
  conn_->Begin();
  batch_ = true;
}

void Ledger::CommitBatch() {
  if (!batch_) return;
  batch_ = false;
  try {
    conn_->Commit();
  } catch (...) {
    conn_->Rollback();
    throw;
  }
}

void Ledger::RollbackBatch() noexcept {
  if (!batch_) return;
  batch_ = false;
  conn_->Rollback();
}

bool Ledger::postgres() const { return conn_->kind() == ledger_internal::BackendKind::kPostgres; }

int Ledger::SchemaVersion() { return conn_->SchemaVersion(); }

bool Ledger::Contains(std::string_view content_hash) {
  Statement s(*this, "SELECT 1 FROM documents WHERE content_hash = ?");
  s.BindAll(content_hash);
  return s.Step();
}

std::vector<std::string> Ledger::ContentHashes() {
  std::vector<std::string> out;
  Statement s(*this, "SELECT content_hash FROM documents");
  while (s.Step()) out.push_back(s.Text(0));
  return out;
}

int64_t Ledger::DocumentCount() {
  Statement s(*this, "SELECT count(*) FROM documents");
  return s.Step() ? s.Int(0) : 0;
}

int64_t Ledger::GlobalEntity(const Document& doc, const Entity& first, const std::vector<std::string>& aliases) {
  (void)doc;
  Statements& s = *stmts_;
  std::string name = first.canonical;
  std::string key = FoldName(name);
  const char* type = ToString(first.type);
  const std::string& country = first.country;
  auto single = [](Statement& st) -> int64_t {
    int64_t found = 0;
    int n = 0;
    while (st.Step()) {
      found = st.Int(0);
      ++n;
    }
    st.Reset();
    return n == 1 ? found : 0;
  };
  // 1. The same canonical name, type and country.
  s.find_global.Reset();
  s.find_global.BindAll(key, type, country);
  if (s.find_global.Step()) {
    int64_t id = s.find_global.Int(0);
    s.find_global.Reset();
    return id;
  }
  s.find_global.Reset();
  // 2. The same name where one side does not know the country.
  s.find_global_any_country.BindAll(key, type, country);
  if (int64_t id = single(s.find_global_any_country)) {
    if (!country.empty()) s.set_global_country.Run(country, id);
    return id;
  }
  // 3. Our canonical name is another document's alias ("Trump" -> "Donald Trump").
  s.find_global_by_alias.BindAll(key, type, country, country);
  if (int64_t id = single(s.find_global_by_alias)) return id;
  // 4. One of our shorter names is another document's canonical name: merge and keep
  //    the fuller name.
  int64_t match = 0;
  int matches = 0;
  for (const std::string& alias : aliases) {
    std::string alias_key = FoldName(alias);
    if (alias_key == key || alias_key.size() >= key.size()) continue;
    s.find_global_any_country.BindAll(alias_key, type, country);
    while (s.find_global_any_country.Step()) {
      int64_t id = s.find_global_any_country.Int(0);
      if (id != match) ++matches;
      match = id;
    }
    s.find_global_any_country.Reset();
  }
  if (matches == 1) {
    s.rename_global.Run(name, key, match);
    if (!country.empty()) s.set_global_country.Run(country, match);
    return match;
  }
  s.insert_global.Reset();
  s.insert_global.BindAll(name, type, country, key);
  if (first.geonames_id) s.insert_global.Bind(5, first.geonames_id); else s.insert_global.Bind(5, Null{});
  return s.insert_global.Returning();
}

StoreResult Ledger::Store(const Document& doc) {
  if (!stmts_) throw Error(path_, "opened for reading; cannot store");
  CheckSpans(doc);
  Statements& s = *stmts_;
  StoreResult result;
  std::string hash = ContentHash(doc.text);
  // Alone: one transaction. In a batch: a savepoint inside the batch's transaction,
  // so this document is still written whole or not at all.
  auto begin = [&] {
    if (batch_) conn_->Exec("SAVEPOINT document", "store");
    else conn_->Begin();
  };
  auto commit = [&] {
    if (batch_) conn_->Exec("RELEASE document", "store");
    else conn_->Commit();
  };
  auto rollback = [&]() noexcept {
    if (!batch_) return conn_->Rollback();
    try {
      conn_->Exec("ROLLBACK TO document", "store");
      conn_->Exec("RELEASE document", "store");
    } catch (...) {
      // The connection is gone or the transaction with it; the batch will fail to commit.
    }
  };
  begin();
  try {
    s.find_hash.Reset();
    s.find_hash.BindAll(hash);
    if (s.find_hash.Step()) {
      result.status = StoreStatus::kDuplicate;
      result.document = s.find_hash.Int(0);
      result.revision = static_cast<int>(s.find_hash.Int(1));
      s.find_hash.Reset();
      rollback();
      return result;
    }
    s.find_hash.Reset();
    if (!doc.url.empty()) {
      s.find_url.BindAll(doc.url);
      if (s.find_url.Step()) {
        result.status = StoreStatus::kRevision;
        result.revision = static_cast<int>(s.find_url.Int(1)) + 1;
      }
      s.find_url.Reset();
      if (result.status == StoreStatus::kRevision) s.supersede.Run(doc.url);
    }

    // Group entity mentions by their document-local id.
    std::vector<std::string> group_ids;
    std::map<std::string, std::vector<size_t>> groups;
    for (size_t i = 0; i < doc.entities.size(); ++i) {
      const Entity& e = doc.entities[i];
      std::string id = e.id.empty() ? "#" + std::to_string(i) : e.id;
      auto [it, fresh] = groups.try_emplace(id);
      if (fresh) group_ids.push_back(id);
      it->second.push_back(i);
    }
    size_t n_checks = 0;
    for (const Claim& c : doc.claims) n_checks += c.checks.size();

    s.insert_document.Reset();
    Statement& d = s.insert_document;
    d.Bind(1, doc.id);
    d.BindOpt(2, doc.url);
    d.BindOpt(3, doc.outlet);
    d.BindOpt(4, doc.title);
    d.BindOpt(5, doc.published);
    d.Bind(6, doc.published_inferred);
    d.Bind(7, hash);
    d.Bind(8, result.revision);
    d.BindOpt(9, doc.origin);
    d.Bind(10, doc.text);
    d.Bind(11, doc.text.size());
    d.Bind(12, NowUtc());
    d.Bind(13, doc.paragraphs.size());
    d.Bind(14, doc.sentences.size());
    d.Bind(15, groups.size());
    d.Bind(16, doc.entities.size());
    d.Bind(17, doc.quantities.size());
    d.Bind(18, doc.times.size());
    d.Bind(19, doc.quotes.size());
    d.Bind(20, doc.events.size());
    d.Bind(21, doc.claims.size());
    d.Bind(22, n_checks);
    const int64_t id = d.Returning();
    result.document = id;

    auto sentence_of = [&](Span sp) -> std::optional<double> {
      int64_t si = SentenceAt(doc, sp.start);
      if (si < 0) return std::nullopt;
      return static_cast<double>(si);
    };
    auto source_of = [&](uint32_t paragraph) -> std::string_view {
      if (paragraph < doc.paragraphs.size() && !doc.paragraphs[paragraph].source.empty())
        return doc.paragraphs[paragraph].source;
      return doc.outlet;
    };

    for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Paragraph& p = doc.paragraphs[i];
      s.insert_paragraph.Reset();
      s.insert_paragraph.BindAll(id, i, p.span.start, p.span.end, p.body.start, p.body.end);
      s.insert_paragraph.BindOpt(7, p.source);
      while (s.insert_paragraph.Step()) {}
    }
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& st = doc.sentences[i];
      std::string_view text = doc.view(st.span);
      s.insert_sentence.Reset();
      s.insert_sentence.BindAll(id, i, st.paragraph, st.span.start, st.span.end, st.token_begin, st.token_end);
      s.insert_sentence.BindOpt(8, source_of(st.paragraph));
      s.insert_sentence.Bind(9, text);
      int64_t row = s.insert_sentence.Returning();
      if (s.insert_sentence_fts) s.insert_sentence_fts->Run(row, text);
    }

    // Entities: one row per document-local entity, one per mention; merged globally.
    std::unordered_map<std::string, int64_t> global_of_local;
    std::set<int64_t> globals_seen;
    for (const std::string& gid : group_ids) {
      const std::vector<size_t>& idx = groups[gid];
      const Entity* first = &doc.entities[idx.front()];
      for (size_t i : idx)
        if (!doc.entities[i].pronoun) { first = &doc.entities[i]; break; }
      Entity head = *first;
      if (head.canonical.empty()) head.canonical = std::string(doc.view(head.span));
      std::vector<std::string> aliases;
      for (size_t i : idx) {
        const Entity& e = doc.entities[i];
        if (e.pronoun) continue;
        std::string text(doc.view(e.span));
        if (!text.empty() && std::find(aliases.begin(), aliases.end(), text) == aliases.end()) aliases.push_back(text);
      }
      int64_t global = 0;
      if (!head.canonical.empty()) {
        global = GlobalEntity(doc, head, aliases);
        bool first_time = globals_seen.insert(global).second;
        s.count_global.Run(first_time ? 1 : 0, idx.size(), id, global);
        std::vector<std::string> names = aliases;
        if (std::find(names.begin(), names.end(), head.canonical) == names.end()) names.push_back(head.canonical);
        for (const std::string& a : names) s.upsert_alias.Run(global, a, FoldName(a));
      }
      if (!first->id.empty()) global_of_local[first->id] = global;
      Statement& en = s.insert_entity;
      en.Reset();
      en.BindAll(id, first->id, Null{}, ToString(head.type), head.canonical, head.span.start, head.span.end,
                 doc.view(head.span));
      if (global) en.Bind(3, global);
      en.BindOpt(9, head.country);
      if (head.geonames_id) en.Bind(10, head.geonames_id); else en.Bind(10, Null{});
      en.Bind(11, head.latitude);
      en.Bind(12, head.longitude);
      en.Bind(13, idx.size());
      int64_t entity_row = en.Returning();
      for (size_t i : idx) {
        const Entity& e = doc.entities[i];
        s.insert_mention.Run(id, entity_row, i, e.span.start, e.span.end, doc.view(e.span), e.pronoun,
                             sentence_of(e.span));
      }
    }

    for (size_t i = 0; i < doc.quantities.size(); ++i) {
      const Quantity& q = doc.quantities[i];
      QuantityKey key = DeriveQuantityKey(doc, i);
      Statement& st = s.insert_quantity;
      st.Reset();
      st.BindAll(id, i, q.span.start, q.span.end, doc.view(q.span), ToString(q.type), q.value, q.low, q.high,
                 ToString(q.qualifier));
      st.BindOpt(11, q.unit);
      st.BindOpt(12, q.per);
      st.BindOpt(13, q.counted);
      if (q.counted_span.empty()) {
        st.Bind(14, Null{});
        st.Bind(15, Null{});
      } else {
        st.Bind(14, q.counted_span.start);
        st.Bind(15, q.counted_span.end);
      }
      st.Bind(16, sentence_of(q.span));
      st.Bind(17, key.subject);
      st.Bind(18, key.place);
      st.Bind(19, key.period);
      while (st.Step()) {}
    }
    for (size_t i = 0; i < doc.times.size(); ++i) {
      const TimeExpr& t = doc.times[i];
      Statement& st = s.insert_time;
      st.Reset();
      st.BindAll(id, i, t.span.start, t.span.end, doc.view(t.span), ToString(t.type));
      st.BindOpt(7, t.value);
      st.BindOpt(8, t.mod);
      st.Bind(9, sentence_of(t.span));
      while (st.Step()) {}
    }
    for (size_t i = 0; i < doc.quotes.size(); ++i) {
      const Quote& q = doc.quotes[i];
      Statement& st = s.insert_quote;
      st.Reset();
      st.BindAll(id, i, q.span.start, q.span.end, doc.view(q.span), q.direct);
      st.BindOpt(7, q.speaker);
      st.BindOpt(8, q.speaker_id);
      auto g = global_of_local.find(q.speaker_id);
      if (!q.speaker_id.empty() && g != global_of_local.end() && g->second) st.Bind(9, g->second);
      else st.Bind(9, Null{});
      if (q.speaker_span.empty()) { st.Bind(10, Null{}); st.Bind(11, Null{}); }
      else { st.Bind(10, q.speaker_span.start); st.Bind(11, q.speaker_span.end); }
      st.BindOpt(12, q.cue);
      if (q.cue_span.empty()) { st.Bind(13, Null{}); st.Bind(14, Null{}); }
      else { st.Bind(13, q.cue_span.start); st.Bind(14, q.cue_span.end); }
      st.BindOpt(15, q.outlet);
      st.BindOpt(16, q.reported_by);
      st.Bind(17, sentence_of(q.span));
      int64_t row = st.Returning();
      if (s.insert_quote_fts) s.insert_quote_fts->Run(row, doc.view(q.span), q.speaker);
    }
    for (size_t i = 0; i < doc.events.size(); ++i) {
      const Event& e = doc.events[i];
      Statement& st = s.insert_event;
      st.Reset();
      st.BindAll(id, i, e.span.start, e.span.end, doc.view(e.span), e.type);
      st.BindOpt(7, e.mode);
      st.Bind(8, e.status);
      int col = 9;
      for (const std::optional<EventArgument>* arg : {&e.actor, &e.target, &e.location}) {
        if (*arg) {
          const EventArgument& a = **arg;
          st.BindOpt(col, a.id);
          st.BindOpt(col + 1, a.text);
          if (a.span.empty()) { st.Bind(col + 2, Null{}); st.Bind(col + 3, Null{}); }
          else { st.Bind(col + 2, a.span.start); st.Bind(col + 3, a.span.end); }
          st.BindOpt(col + 4, a.country);
          st.BindOpt(col + 5, a.sector);
          if (a.geonames_id) st.Bind(col + 6, a.geonames_id); else st.Bind(col + 6, Null{});
        } else {
          for (int k = 0; k < 7; ++k) st.Bind(col + k, Null{});
        }
        col += 7;
      }
      st.BindOpt(30, e.time);
      if (e.quote) st.Bind(31, *e.quote); else st.Bind(31, Null{});
      st.Bind(32, sentence_of(e.span));
      while (st.Step()) {}
      for (uint32_t qi : e.quantities) s.insert_event_quantity.Run(id, i, qi);
    }
    for (size_t i = 0; i < doc.claims.size(); ++i) {
      const Claim& c = doc.claims[i];
      Statement& st = s.insert_claim;
      st.Reset();
      st.BindAll(id, i, c.span.start, c.span.end, doc.view(c.span));
      st.BindOpt(6, c.speaker);
      st.BindOpt(7, c.speaker_id);
      st.BindOpt(8, c.subject);
      st.BindOpt(9, c.place);
      st.BindOpt(10, c.period);
      st.Bind(11, c.quantity);
      st.Bind(12, sentence_of(c.span));
      while (st.Step()) {}
      for (size_t k = 0; k < c.checks.size(); ++k) {
        const ClaimCheck& ch = c.checks[k];
        const ReferenceRow& r = ch.reference;
        Statement& ck = s.insert_check;
        ck.Reset();
        ck.BindAll(id, i, k, c.span.start, c.span.end, ch.status, ch.ratio);
        ck.BindOpt(8, r.subject);
        ck.BindOpt(9, r.place);
        ck.BindOpt(10, r.period);
        ck.Bind(11, r.low);
        ck.Bind(12, r.high);
        ck.BindOpt(13, r.source);
        ck.BindOpt(14, r.url);
        while (ck.Step()) {}
      }
    }
    s.complete.Run(id);
    commit();
  } catch (...) {
    rollback();
    for (Statement* st : {&s.find_hash, &s.find_url, &s.insert_document, &s.insert_global}) st->Reset();
    throw;
  }
  return result;
}

Document Ledger::Load(int64_t document) {
  Document doc;
  {
    Statement s(*this,
                "SELECT doc_key, url, outlet, title, published, published_inferred, origin, text "
                "FROM documents WHERE id = ? AND complete = 1");
    s.BindAll(document);
    if (!s.Step()) throw Error(path_, "no document " + std::to_string(document));
    doc.id = s.Text(0);
    doc.url = s.Text(1);
    doc.outlet = s.Text(2);
    doc.title = s.Text(3);
    doc.published = s.Text(4);
    doc.published_inferred = s.Int(5) != 0;
    doc.origin = s.Text(6);
    doc.text = s.Text(7);
  }
  auto span = [](Statement& s, int c) {
    return Span{static_cast<uint32_t>(s.Int(c)), static_cast<uint32_t>(s.Int(c + 1))};
  };
  auto opt_span = [&](Statement& s, int c) { return s.IsNull(c) ? Span{} : span(s, c); };
  {
    Statement s(*this, "SELECT start, \"end\", body_start, body_end, source FROM paragraphs WHERE document_id = ? ORDER BY idx");
    s.BindAll(document);
    while (s.Step()) doc.paragraphs.push_back({span(s, 0), span(s, 2), s.Text(4)});
  }
  {
    Statement s(*this,
                "SELECT start, \"end\", paragraph, token_begin, token_end FROM sentences WHERE document_id = ? ORDER BY idx");
    s.BindAll(document);
    while (s.Step())
      doc.sentences.push_back({span(s, 0), static_cast<uint32_t>(s.Int(2)), static_cast<uint32_t>(s.Int(3)),
                               static_cast<uint32_t>(s.Int(4))});
  }
  {
    Statement s(*this,
                "SELECT m.start, m.end, e.type, e.canonical, e.local_id, m.pronoun, e.country, e.geonames_id, "
                "e.latitude, e.longitude FROM mentions m JOIN entities e ON e.id = m.entity_id "
                "WHERE m.document_id = ? ORDER BY m.idx");
    s.BindAll(document);
    while (s.Step()) {
      Entity e;
      e.span = span(s, 0);
      e.type = Parse(s.Text(2), EntityType::kMisc,
                     {EntityType::kPerson, EntityType::kOrg, EntityType::kLoc, EntityType::kMisc});
      e.canonical = s.Text(3);
      e.id = s.Text(4);
      e.pronoun = s.Int(5) != 0;
      e.country = s.Text(6);
      e.geonames_id = s.Int(7);
      e.latitude = s.OptDouble(8);
      e.longitude = s.OptDouble(9);
      doc.entities.push_back(std::move(e));
    }
  }
  {
    Statement s(*this,
                "SELECT start, \"end\", type, value, low, high, qualifier, unit, per, counted, counted_start, "
                "counted_end FROM quantities WHERE document_id = ? ORDER BY idx");
    s.BindAll(document);
    while (s.Step()) {
      Quantity q;
      q.span = span(s, 0);
      q.type = Parse(s.Text(2), QuantityType::kNumber,
                     {QuantityType::kCount, QuantityType::kOrdinal, QuantityType::kPercent, QuantityType::kMoney,
                      QuantityType::kMeasure, QuantityType::kNumber});
      q.value = s.OptDouble(3);
      q.low = s.OptDouble(4);
      q.high = s.OptDouble(5);
      q.qualifier = Parse(s.Text(6), Qualifier::kExact,
                          {Qualifier::kExact, Qualifier::kApprox, Qualifier::kAtLeast, Qualifier::kMoreThan,
                           Qualifier::kAtMost, Qualifier::kLessThan, Qualifier::kRange, Qualifier::kVague});
      q.unit = s.Text(7);
      q.per = s.Text(8);
      q.counted = s.Text(9);
      q.counted_span = opt_span(s, 10);
      doc.quantities.push_back(std::move(q));
    }
  }
  {
    Statement s(*this, "SELECT start, \"end\", type, value, mod FROM times WHERE document_id = ? ORDER BY idx");
    s.BindAll(document);
    while (s.Step()) {
      TimeExpr t;
      t.span = span(s, 0);
      t.type = Parse(s.Text(2), TimeType::kDate, {TimeType::kDate, TimeType::kTime, TimeType::kDuration, TimeType::kSet});
      t.value = s.Text(3);
      t.mod = s.Text(4);
      doc.times.push_back(std::move(t));
    }
  }
  {
    Statement s(*this,
                "SELECT start, \"end\", direct, speaker, speaker_id, speaker_start, speaker_end, cue, cue_start, "
                "cue_end, outlet, reported_by FROM quotes WHERE document_id = ? ORDER BY idx");
    s.BindAll(document);
    while (s.Step()) {
      Quote q;
      q.span = span(s, 0);
      q.direct = s.Int(2) != 0;
      q.speaker = s.Text(3);
      q.speaker_id = s.Text(4);
      q.speaker_span = opt_span(s, 5);
      q.cue = s.Text(7);
      q.cue_span = opt_span(s, 8);
      q.outlet = s.Text(10);
      q.reported_by = s.Text(11);
      doc.quotes.push_back(std::move(q));
    }
  }
  {
    Statement s(*this,
                "SELECT idx, start, \"end\", type, mode, status, "
                "actor_id, actor_text, actor_start, actor_end, actor_country, actor_sector, actor_geonames_id, "
                "target_id, target_text, target_start, target_end, target_country, target_sector, target_geonames_id, "
                "location_id, location_text, location_start, location_end, location_country, location_sector, "
                "location_geonames_id, time, quote FROM events WHERE document_id = ? ORDER BY idx");
    s.BindAll(document);
    while (s.Step()) {
      Event e;
      e.span = span(s, 1);
      e.type = s.Text(3);
      e.mode = s.Text(4);
      e.status = s.Text(5);
      int col = 6;
      for (std::optional<EventArgument>* arg : {&e.actor, &e.target, &e.location}) {
        if (!s.IsNull(col + 1) || !s.IsNull(col)) {
          EventArgument a;
          a.id = s.Text(col);
          a.text = s.Text(col + 1);
          a.span = opt_span(s, col + 2);
          a.country = s.Text(col + 4);
          a.sector = s.Text(col + 5);
          a.geonames_id = s.Int(col + 6);
          *arg = std::move(a);
        }
        col += 7;
      }
      e.time = s.Text(27);
      if (!s.IsNull(28)) e.quote = static_cast<uint32_t>(s.Int(28));
      doc.events.push_back(std::move(e));
    }
  }
  {
    Statement s(*this, "SELECT event, quantity FROM event_quantities WHERE document_id = ?");
    s.BindAll(document);
    while (s.Step()) {
      size_t ev = static_cast<size_t>(s.Int(0));
      if (ev < doc.events.size()) doc.events[ev].quantities.push_back(static_cast<uint32_t>(s.Int(1)));
    }
  }
  {
    Statement s(*this,
                "SELECT start, \"end\", speaker, speaker_id, subject, place, period, quantity FROM claims "
                "WHERE document_id = ? ORDER BY idx");
    s.BindAll(document);
    while (s.Step()) {
      Claim c;
      c.span = span(s, 0);
      c.speaker = s.Text(2);
      c.speaker_id = s.Text(3);
      c.subject = s.Text(4);
      c.place = s.Text(5);
      c.period = s.Text(6);
      c.quantity = static_cast<uint32_t>(s.Int(7));
      doc.claims.push_back(std::move(c));
    }
  }
  {
    Statement s(*this,
                "SELECT claim, status, ratio, ref_subject, ref_place, ref_period, ref_low, ref_high, ref_source, "
                "ref_url FROM checks WHERE document_id = ? ORDER BY claim, idx");
    s.BindAll(document);
    while (s.Step()) {
      size_t ci = static_cast<size_t>(s.Int(0));
      if (ci >= doc.claims.size()) continue;
      ClaimCheck ch;
      ch.status = s.Text(1);
      ch.ratio = s.OptDouble(2);
      ch.reference = {s.Text(3), s.Text(4), s.Text(5), s.OptDouble(6), s.OptDouble(7), s.Text(8), s.Text(9)};
      doc.claims[ci].checks.push_back(std::move(ch));
    }
  }
  return doc;
}

}  // namespace newsledger
