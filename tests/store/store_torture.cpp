// A child process for the crash and concurrency tests: it works the store
// the way a kiosk and the desks do and reports on stdout, one flushed line
// at a time, what it knows to be committed, so a parent that SIGKILLs it
// can check nothing committed was lost.
//
//   store_torture write DB N [START_MS]   issue N tickets (alternating services),
//        now and then call one and walk it a few SOP steps; after each committed
//        ticket prints "R-012 2026-03-10" (number, its day). Its first line,
//        "# open", says the store is open (schema migrated, WAL recovered).
//   store_torture call DB COUNTER [NOW_MS]   call the next helpdesk ticket to
//        COUNTER until the queue is empty, printing each case id; exit 0.
//
// Times default to the wall clock; tests pass a fixed office time. Any store
// error exits 2 with the message on stderr.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "kiosk/store/store.hpp"
#include "store_test_util.hpp"

namespace {

using lpse::core::Action;
using lpse::core::ActionInput;
using lpse::store::Store;
using namespace lpse::testutil;

std::int64_t wallClockMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

[[noreturn]] void die(const char* what, const lpse::core::Error& e) {
  std::fprintf(stderr, "store_torture: %s: %s (%s)\n", what, e.en.c_str(), e.code.c_str());
  std::exit(2);
}

template <class R>
void must(const R& r, const char* what) {
  if (!r.ok()) die(what, r.error());
}

std::unique_ptr<Store> openStore(const char* path) {
  auto s = Store::open(path);
  if (!s.ok()) die("open", s.error());
  return std::move(*s);
}

int write(const char* path, long n, std::int64_t start, bool fixedClock) {
  auto store = openStore(path);
  std::printf("# open\n");
  std::fflush(stdout);
  for (long i = 0; i < n; ++i) {
    const std::int64_t now = fixedClock ? start + i * 10 : wallClockMs();
    auto t = store->issueTicket(walkIn(i % 2 ? "userid" : "reset"), kKiosk, now);
    must(t, "issue");
    std::printf("%s %s\n", t->kase.ticket.c_str(), t->kase.ticketDay.c_str());
    std::fflush(stdout);
    if (i % 3 != 2) continue;
    // Now and then a desk calls and works a case a few steps on.
    auto called = store->callNext("helpdesk", "Loket " + std::to_string(1 + i % 4), kDesk, now + 1);
    must(called, "call");
    if (!called->has_value()) continue;
    const std::int64_t id = (*called)->id;
    ActionInput in;
    switch (i % 4) {
      case 0:
        in.reason = "not_present";
        must(store->act(id, Action::NoShow, in, kDesk, now + 2), "no-show");
        break;
      case 1:
        must(store->act(id, Action::StartCheck, in, kDesk, now + 2), "check");
        must(store->act(id, Action::ForwardToAdmin, in, kDesk, now + 3), "forward");
        if (auto v = store->callNext("admin", "Admin PPE", kAdminPpe, now + 4); !v.ok()) die("verify", v.error());
        else if (v->has_value()) {
          in.basis = "spse_data";
          must(store->act((*v)->id, Action::MarkValid, in, kAdminPpe, now + 5), "valid");
        }
        break;
      case 2:
        must(store->act(id, Action::StartCheck, in, kDesk, now + 2), "check");
        in.missing = {lpse::core::Document::SkPenunjukan};
        must(store->act(id, Action::MarkIncomplete, in, kDesk, now + 3), "incomplete");
        must(store->act(id, Action::RequestCompletion, {}, kDesk, now + 4), "request");
        must(store->act(id, Action::ReturnDocuments, {}, kKiosk, now + 5), "return");
        break;
      default:
        must(store->act(id, Action::Recall, in, kDesk, now + 2), "recall");
        break;
    }
  }
  return 0;
}

int call(const char* path, const std::string& counter, std::int64_t now, bool fixedClock) {
  auto store = openStore(path);
  const lpse::core::Actor desk{"desk-" + counter, lpse::core::ActorRole::Helpdesk};
  for (;;) {
    auto c = store->callNext("helpdesk", counter, desk, fixedClock ? now : wallClockMs());
    must(c, "call");
    if (!c->has_value()) return 0;
    std::printf("%lld\n", static_cast<long long>((*c)->id));
    std::fflush(stdout);
  }
}

int usage() {
  std::fprintf(stderr,
               "usage: store_torture write DB N [START_MS]\n"
               "       store_torture call DB COUNTER [NOW_MS]\n");
  return 64;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return usage();
  const std::string mode = argv[1];
  const bool fixedClock = argc > 4;
  const std::int64_t at = fixedClock ? std::strtoll(argv[4], nullptr, 10) : 0;
  if (mode == "write") return write(argv[2], std::strtol(argv[3], nullptr, 10), at, fixedClock);
  if (mode == "call") return call(argv[2], argv[3], at, fixedClock);
  return usage();
}
