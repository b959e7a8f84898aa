#pragma once
// Read models of the queue shared by the store, the server and the
// front-ends: a case as it stands, a ticket just issued, and the public
// board (numbers and counters only, never personal data).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/sop.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::core {

struct Actor {
  std::string id;  // "kiosk-1", "desk-1", "cli"
  ActorRole role = ActorRole::Kiosk;
};

struct CaseRecord {
  std::int64_t id = 0;
  std::int64_t visitId = 0;
  Channel channel = Channel::WalkIn;
  std::string service;
  VisitorRole role = VisitorRole::Ppk;
  CaseState state = CaseState::Waiting;
  std::string ticket;     // "R-001"; empty for e-mail cases
  std::string ticketDay;  // local date the number belongs to
  std::string token;      // opaque, printed in the ticket's QR
  std::string queue;      // "helpdesk", "admin", or empty
  std::string counter;    // last counter it was called to
  int calls = 0;
  int priority = 0;            // >0: goes ahead in its queue (back with the missing documents)
  PriorityCategory priorityCategory = PriorityCategory::None;  // priority service (core/priority.hpp)
  std::int64_t receivedMs = 0; // when the request arrived (an e-mail's received time); 0: createdMs
  std::int64_t createdMs = 0;
  std::int64_t stateMs = 0;  // when the current state began (step timer)
  std::int64_t lastSeq = 0;
};

// Free text a staff member added to a case with a step (why, what was
// said). Kept with the case, not in the append-only log: the retention
// purge empties it with the guest-book entry.
struct CaseNote {
  std::int64_t seq = 0;  // the event it was written with
  std::int64_t atMs = 0;
  std::string actor;
  std::string action;
  std::string text;
};

// One step of a case's history as staff see it: from the event log, codes only.
struct CaseStep {
  std::int64_t seq = 0;
  std::int64_t atMs = 0;
  std::string kind;    // "ticket_issued", "call", "mark_invalid", ...
  std::string actor;   // staff username or device id
  std::string counter;
  std::string code;    // the step's reason / basis / outcome / reference, if any
};

struct IssuedTicket {
  CaseRecord kase;
  int ahead = 0;  // waiting before this one in its queue
  // A retry of a request already recorded (same Idempotency-Key): this is
  // the first request's ticket, nothing new was written.
  bool replayed = false;
};

struct CounterCall {
  std::string counter, ticket, service;
  std::int64_t atMs = 0;
};

// What a public display may show: numbers, counters, counts. No names.
struct Board {
  std::vector<CounterCall> current;  // the latest call per counter
  std::vector<CounterCall> recent;   // newest first
  std::vector<std::pair<std::string, int>> waiting;  // service code -> waiting
  int waitingAdmin = 0;
  std::int64_t seq = 0;  // last event included
};

// What a device last reported about itself (a kiosk's printer), for staff.
struct DeviceStatus {
  std::string device;  // "kiosk-1"
  std::string part;    // "printer"
  bool ok = true;
  std::string state;   // "paper_out", ...
  std::string detail;  // the device's sentence, Indonesian
  std::int64_t atMs = 0;
};

}  // namespace lpse::core
