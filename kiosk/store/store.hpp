#pragma once
// The durable queue: the one API through which every change to a visit,
// ticket or case is made. Each change validates against core (the SOP state
// machine, field validation), appends its event and updates the projection
// in one SQLite transaction. Safe to use from several threads (one mutex)
// and from several processes on the same file (SQLite locking).
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/calendar.hpp"
#include "kiosk/core/case_record.hpp"
#include "kiosk/core/desk_rules.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/core/help_alert.hpp"
#include "kiosk/core/priority.hpp"
#include "kiosk/core/sop.hpp"
#include "kiosk/core/ticket_number.hpp"
#include "kiosk/core/visit.hpp"
#include "kiosk/store/event_log.hpp"

namespace lpse::store {

class Db;
using core::Actor;
using core::Board;
using core::CaseRecord;
using core::CounterCall;
using core::IssuedTicket;

struct StoreOptions {
  core::WorkingCalendar calendar;
  std::vector<core::ServiceDef> services = core::defaultServices();
  // Which waiting ticket "next" calls when priority tickets wait (config:
  // queue.priority_policy, queue.priority_every_n).
  core::PriorityPolicy priority;
};

class Store {
 public:
  static core::Result<std::unique_ptr<Store>> open(const std::string& path, StoreOptions options = {});
  ~Store();

  // Guest book + queue number (SOP steps 2-3), in one transaction.
  // `requestKey` (a client's Idempotency-Key, may be empty) makes a retry
  // safe: the same key from the same caller returns the ticket the first
  // request made (replayed), and the same key with other data is refused.
  core::Result<IssuedTicket> issueTicket(const core::Visit& visit, const Actor& actor, std::int64_t nowMs,
                                         const std::string& requestKey = {});
  // An e-mailed dossier (SOP step 1, e-mail channel). `requestKey` works as
  // in issueTicket: the same key from the same caller returns the case the
  // first request opened (`*replayed` set), so a message fetched twice from
  // the mailbox, or a retried POST, never opens a second case.
  core::Result<CaseRecord> receiveEmail(const core::Visit& visit, const Actor& actor, std::int64_t nowMs,
                                        const std::string& requestKey = {}, bool* replayed = nullptr);
  // What became of the e-mail reply to a case (kiosk/server/mail_outbox):
  // an event of kind "mail_reply" holding codes only (outcome "sent" /
  // "retry" / "failed", an error code, which notice), no address or text.
  core::Status recordMailReply(std::int64_t caseId, const std::string& outcome, const std::string& code,
                               const std::string& notice, const Actor& actor, std::int64_t nowMs);

  // Takes the first case of a queue and moves it on, atomically across
  // processes: "helpdesk" calls the next walk-in ticket to `counter`;
  // "admin" starts verification of the oldest forwarded dossier. Empty when
  // the queue is empty.
  core::Result<std::optional<CaseRecord>> callNext(const std::string& queue, const std::string& counter,
                                                   const Actor& actor, std::int64_t nowMs);

  // Any other SOP step on one case.
  core::Result<CaseRecord> act(std::int64_t caseId, core::Action action, const core::ActionInput& input,
                               const Actor& actor, std::int64_t nowMs);

  // A device's report about one of its parts, kept in the log (so staff
  // consoles hear of it through the stream and it stays on record).
  core::Status recordDeviceStatus(const core::DeviceStatus& status, const Actor& actor, std::int64_t nowMs);
  // The latest report of every device part.
  std::vector<core::DeviceStatus> deviceStatuses();

  // The call for help (store_help.cpp). A kiosk raises one alert per visit
  // (`visitKey`, core::validVisitKey): the same visit pressing again gets
  // the same alert back (`*existing` set), acknowledged or not. Staff
  // acknowledge it once; a second answer returns it as it stands.
  core::Result<core::HelpAlert> raiseHelp(const std::string& visitKey, const Actor& actor, std::int64_t nowMs,
                                          bool* existing = nullptr);
  core::Result<core::HelpAlert> acknowledgeHelp(std::int64_t id, const Actor& actor, std::int64_t nowMs);
  core::Result<core::HelpAlert> helpAlert(std::int64_t id);
  std::vector<core::HelpAlert> openHelpAlerts();  // not yet acknowledged, oldest first
  // A desk's presence (store_desks.cpp): a staff member signs in or out at
  // a counter, a break starts or ends (`kind`: core::kDeskSignIn, ...), kept
  // in the log as an event about no case with the counter and, for a break,
  // its BreakReason code. deskStatuses() is the latest of each counter
  // whose desk events fall at or after `sinceMs`; deskStatus() one counter's.
  core::Status recordDeskEvent(std::string_view kind, const std::string& counter, const std::string& reason,
                               const Actor& actor, std::int64_t nowMs);
  std::vector<core::DeskStatus> deskStatuses(std::int64_t sinceMs);
  std::optional<core::DeskStatus> deskStatus(const std::string& counter, std::int64_t sinceMs);

  core::Result<CaseRecord> getCase(std::int64_t caseId);
  core::Result<CaseRecord> findByToken(const std::string& token);
  core::Result<core::Visit> getVisit(std::int64_t visitId);
  // A returning visitor's last entry, recalled by scanning their ticket:
  // the guest-book fields only (no service, documents or consent: those are
  // chosen again). An entry the retention purge has emptied is "entry_purged".
  core::Result<core::Visit> recallEntry(const std::string& token);
  // Retention: empties the personal fields of every visit recorded before
  // `cutoffMs` whose cases are all closed (an open case keeps its data until
  // it ends). Cases, numbers and the event log stay, so reports still add up.
  // Returns how many entries were emptied.
  core::Result<int> purgeVisits(std::int64_t cutoffMs, std::int64_t nowMs);
  std::vector<CaseRecord> openCases();  // not terminal, oldest first
  int waitingAhead(const CaseRecord& c);

  Board board(std::int64_t nowMs, int recentLimit = 8);
  std::vector<EventRecord> eventsAfter(std::int64_t seq, int limit);
  std::vector<EventRecord> caseEvents(std::int64_t caseId);
  // The free-text notes staff added to a case, oldest first.
  std::vector<core::CaseNote> caseNotes(std::int64_t caseId);
  std::int64_t lastSeq();

  core::Status verifyChain();
  // The chain's head to write down elsewhere, and the check against one
  // written down earlier (event_log.hpp: Anchor).
  event_log::Anchor chainHead();
  core::Status verifyAnchor(const event_log::Anchor& a);
  // Replays the whole log into a fresh projection; used after a restore and
  // by tests that check the projection is exactly what the log says.
  core::Status rebuildProjection();

  const StoreOptions& options() const { return m_options; }
  std::string today(std::int64_t nowMs) const;

 private:
  Store(std::unique_ptr<Db> db, StoreOptions options);
  core::Result<CaseRecord> openCase(const core::Visit& visit, const Actor& actor, std::int64_t nowMs,
                                    const std::string& requestKey = {});
  core::Result<std::optional<IssuedTicket>> replayedTicket(const std::string& key, const core::Visit& visit);
  core::Result<std::optional<CaseRecord>> replayedEmail(const std::string& key, const core::Visit& visit);
  core::Result<CaseRecord> transition(const CaseRecord& c, core::Action action, const core::ActionInput& input,
                                      const Actor& actor, std::int64_t nowMs);
  std::optional<CaseRecord> loadCase(std::int64_t caseId);
  int waitingAheadLocked(const CaseRecord& c);
  // The same for a case just put at the end of its queue (a new ticket):
  // the queue's size less those behind it, which takes no walk of the queue.
  int waitingAheadOfNew(std::int64_t caseId);
  // Priority service (store_priority.cpp): only when a priority ticket waits.
  bool priorityWaitingLocked(const std::string& queueDay);
  std::vector<core::WaitingTicket> waitingTicketsLocked(const std::string& queueDay);
  core::OrdinaryRuns ordinaryRunsLocked(const std::string& queueDay, const std::vector<core::WaitingTicket>& waiting);
  std::optional<std::int64_t> priorityNextLocked(const std::string& queueDay);
  std::optional<int> priorityAheadLocked(const CaseRecord& c);
  std::optional<core::HelpAlert> loadHelpLocked(std::int64_t id);

  std::unique_ptr<Db> m_db;
  StoreOptions m_options;
  // Recursive: the group committer (group_commit.hpp) holds it for a whole
  // batch while the operations in it take it again.
  std::recursive_mutex m_mutex;
  friend class GroupCommit;
};

// Reads a case row: shared by the store and its queries.
CaseRecord readCase(const class Stmt& s);
extern const char* const kCaseColumns;
// The closed case states as an SQL list: 'delivered','no_show',...
const std::string& terminalStatesSql();

}  // namespace lpse::store
