#pragma once
// The append-only event log with a SHA-256 hash chain: each event's hash
// covers its fields and the previous event's hash, so an edited, deleted or
// reordered event breaks verification from that point on.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/error.hpp"

namespace lpse::store {

class Db;

struct EventRecord {
  std::int64_t seq = 0;
  std::int64_t atMs = 0;
  std::string actor;  // device or staff id, e.g. "kiosk-1", "desk-2"
  std::string role;   // core::ActorRole name
  std::string kind;   // "ticket_issued", "email_received", or a core::Action name
  std::int64_t caseId = 0;
  std::string ticket;   // public: the queue number, when the case has one
  std::string counter;  // public: the counter it was called to
  std::string payload;  // JSON object, no personal data
  std::string prevHash;
  std::string hash;
};

namespace event_log {

inline constexpr const char* kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// Appends inside the caller's transaction; fills seq, prevHash and hash.
EventRecord append(Db& db, EventRecord e);

std::vector<EventRecord> after(Db& db, std::int64_t seq, int limit);
std::vector<EventRecord> forCase(Db& db, std::int64_t caseId);
std::int64_t lastSeq(Db& db);

// Recomputes every hash. On failure names the first bad event.
core::Status verify(Db& db);

// The chain's head, written down outside the database (the log, paper, an
// e-mail), is an anchor: the chain alone cannot tell a log that was cut
// short or rewritten and re-hashed from end to end; the anchor can.
struct Anchor {
  std::int64_t seq = 0;  // 0: the empty log
  std::string hash = kGenesisHash;
};
Anchor head(Db& db);
// Ok when event `a.seq` is still there with hash `a.hash` (and the whole
// chain verifies); else names what changed.
core::Status verifyAnchor(Db& db, const Anchor& a);
// "<seq>:<64 hex>" both ways.
std::string toString(const Anchor& a);
std::optional<Anchor> anchorFrom(const std::string& text);

std::string hashOf(const EventRecord& e);

}  // namespace event_log
}  // namespace lpse::store
