#include "kiosk/store/event_log.hpp"

#include <sodium.h>

#include "kiosk/store/database.hpp"

namespace lpse::store::event_log {
namespace {

constexpr const char* kColumns = "seq, at_ms, actor, role, kind, case_id, ticket, counter, payload, prev_hash, hash";

EventRecord readRow(const Stmt& s) {
  EventRecord e;
  e.seq = s.i64(0);
  e.atMs = s.i64(1);
  e.actor = s.text(2);
  e.role = s.text(3);
  e.kind = s.text(4);
  e.caseId = s.i64(5);
  e.ticket = s.text(6);
  e.counter = s.text(7);
  e.payload = s.text(8);
  e.prevHash = s.text(9);
  e.hash = s.text(10);
  return e;
}

// Length-prefixed fields: no separator inside a field can forge another.
void feed(crypto_hash_sha256_state& st, std::string_view field) {
  std::string len = std::to_string(field.size()) + ":";
  crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(len.data()), len.size());
  crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(field.data()), field.size());
}

}  // namespace

std::string hashOf(const EventRecord& e) {
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  feed(st, e.prevHash);
  feed(st, std::to_string(e.seq));
  feed(st, std::to_string(e.atMs));
  feed(st, e.actor);
  feed(st, e.role);
  feed(st, e.kind);
  feed(st, std::to_string(e.caseId));
  feed(st, e.ticket);
  feed(st, e.counter);
  feed(st, e.payload);
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, out);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

std::int64_t lastSeq(Db& db) {
  Stmt s(db, "SELECT COALESCE(MAX(seq), 0) FROM events");
  s.step();
  return s.i64(0);
}

EventRecord append(Db& db, EventRecord e) {
  Stmt last(db, "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
  if (last.step()) {
    e.seq = last.i64(0) + 1;
    e.prevHash = last.text(1);
  } else {
    e.seq = 1;
    e.prevHash = kGenesisHash;
  }
  e.hash = hashOf(e);
  Stmt ins(db,
           "INSERT INTO events(seq, at_ms, actor, role, kind, case_id, ticket, counter, payload, prev_hash, hash)"
           " VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  ins.bind(1, e.seq).bind(2, e.atMs).bind(3, e.actor).bind(4, e.role).bind(5, e.kind).bind(6, e.caseId);
  ins.bind(7, e.ticket).bind(8, e.counter).bind(9, e.payload).bind(10, e.prevHash).bind(11, e.hash);
  ins.run();
  return e;
}

std::vector<EventRecord> after(Db& db, std::int64_t seq, int limit) {
  Stmt s(db, std::string("SELECT ") + kColumns + " FROM events WHERE seq > ? ORDER BY seq LIMIT ?");
  s.bind(1, seq).bind(2, limit);
  std::vector<EventRecord> out;
  while (s.step()) out.push_back(readRow(s));
  return out;
}

std::vector<EventRecord> forCase(Db& db, std::int64_t caseId) {
  Stmt s(db, std::string("SELECT ") + kColumns + " FROM events WHERE case_id = ? ORDER BY seq");
  s.bind(1, caseId);
  std::vector<EventRecord> out;
  while (s.step()) out.push_back(readRow(s));
  return out;
}

core::Status verify(Db& db) {
  Stmt s(db, std::string("SELECT ") + kColumns + " FROM events ORDER BY seq");
  std::string prev = kGenesisHash;
  std::int64_t expectSeq = 1;
  while (s.step()) {
    EventRecord e = readRow(s);
    std::string at = std::to_string(e.seq);
    if (e.seq != expectSeq)
      return core::makeError("chain_gap", "Log kejadian terputus sebelum nomor " + at + ".",
                             "The event log has a gap before event " + at + ".");
    if (e.prevHash != prev || hashOf(e) != e.hash)
      return core::makeError("chain_broken", "Log kejadian telah diubah pada nomor " + at + ".",
                             "The event log was tampered with at event " + at + ".");
    prev = e.hash;
    ++expectSeq;
  }
  return core::Ok{};
}

Anchor head(Db& db) {
  Stmt s(db, "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
  if (!s.step()) return {};
  return {s.i64(0), s.text(1)};
}

core::Status verifyAnchor(Db& db, const Anchor& a) {
  if (auto chain = verify(db); !chain) return chain;
  if (a.seq == 0) return core::Ok{};
  const std::string at = std::to_string(a.seq);
  Stmt s(db, "SELECT hash FROM events WHERE seq=?");
  s.bind(1, a.seq);
  if (!s.step())
    return core::makeError("anchor_missing", "Log kejadian terpotong: kejadian nomor " + at + " yang tercatat sudah tidak ada.",
                           "The event log was cut short: anchored event " + at + " is gone.");
  if (s.text(0) != a.hash)
    return core::makeError("anchor_mismatch", "Log kejadian ditulis ulang: kejadian nomor " + at + " berbeda dari catatan.",
                           "The event log was rewritten: event " + at + " differs from the anchor.");
  return core::Ok{};
}

std::string toString(const Anchor& a) { return std::to_string(a.seq) + ":" + a.hash; }

std::optional<Anchor> anchorFrom(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 15 || text.size() - colon - 1 != 64) return std::nullopt;
  Anchor a;
  for (std::size_t i = 0; i < colon; ++i)
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  a.seq = std::stoll(text.substr(0, colon));
  a.hash = text.substr(colon + 1);
  for (char c : a.hash)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  return a;
}

}  // namespace lpse::store::event_log
