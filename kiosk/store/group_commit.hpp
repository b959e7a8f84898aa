#pragma once
// Group commit: the store operations that callers queue run in batches,
// each in its own SAVEPOINT inside one BEGIN IMMEDIATE ... COMMIT, and every
// caller is answered only once that COMMIT is durable. A batch is run by one
// of the callers (the leader: the first to find no batch running), not by a
// thread of its own, so a lone caller pays no hand-over between threads.
// With one caller it is one transaction per operation, as before; with
// twenty, those that queue while a COMMIT is on disk share the next one. An
// operation that fails rolls back to its own savepoint only; the others in
// the batch still commit.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>

#include "kiosk/core/error.hpp"

namespace lpse::store {

class Store;

class GroupCommit {
 public:
  struct Options {
    std::size_t maxBatch = 256;  // operations per COMMIT at most
    // Runs on the batch's thread after each durable COMMIT, still holding
    // the store (e.g. to wake the push streams with the new last seq).
    std::function<void()> afterCommit;
  };
  GroupCommit(Store& store, Options options);
  explicit GroupCommit(Store& store) : GroupCommit(store, Options{}) {}
  // Waits for the batch in progress; later calls run on their own.
  ~GroupCommit();
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Runs `body` inside a batch (on this thread or on the caller leading
  // it), holding the store, and returns once the batch is durable. `body` returns false
  // when its work must not be kept (its savepoint is rolled back). When the
  // batch cannot be committed, `failed` runs (on the writer thread) with
  // the storage error instead: the caller must not report success then.
  // Exceptions from `body` are rethrown here.
  void run(const std::function<bool()>& body, const std::function<void(const core::Error&)>& failed);

  // The typed form for a store call returning core::Result<T>/Status: a
  // failed batch turns the answer into its storage error.
  template <class F>
  auto run(F&& f) -> decltype(f()) {
    using R = decltype(f());
    std::optional<R> out;
    run([&] {
          out.emplace(f());
          return static_cast<bool>(out->ok());
        },
        [&](const core::Error& e) { out.emplace(e); });
    return std::move(*out);
  }

  // Batches committed and operations run so far (for the benchmark).
  std::int64_t batches() const;
  std::int64_t operations() const;

 private:
  struct Op {
    const std::function<bool()>* body;
    const std::function<void(const core::Error&)>* failed;
    std::exception_ptr exception;
    bool done = false;
  };
  void runBatch(std::deque<Op*>& batch);

  Store& m_store;
  Options m_options;
  mutable std::mutex m_mutex;
  std::condition_variable m_done;
  std::deque<Op*> m_queue;
  bool m_leading = false;  // a caller is running a batch
  bool m_stopping = false;
  std::int64_t m_batches = 0, m_operations = 0;
};

}  // namespace lpse::store
