#pragma once
// Group commit: one writer thread runs the store operations that callers
// queue, each in its own SAVEPOINT inside one BEGIN IMMEDIATE ... COMMIT,
// and answers every caller only once that COMMIT is durable. With one
// caller it is one transaction per operation, as before; with twenty, the
// twenty share one fsync. An operation that fails rolls back to its own
// savepoint only; the others in the batch still commit.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>

#include "kiosk/core/error.hpp"

namespace lpse::store {

class Store;

class GroupCommit {
 public:
  struct Options {
    std::size_t maxBatch = 256;  // operations per COMMIT at most
    // Runs on the writer thread after each durable COMMIT, still holding
    // the store (e.g. to wake the push streams with the new last seq).
    std::function<void()> afterCommit;
  };
  GroupCommit(Store& store, Options options);
  explicit GroupCommit(Store& store) : GroupCommit(store, Options{}) {}
  // Finishes what is queued, then stops the writer.
  ~GroupCommit();
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Runs `body` on the writer thread, inside the current batch and holding
  // the store, and returns once the batch is durable. `body` returns false
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
  void loop();
  void runBatch(std::deque<Op*>& batch);

  Store& m_store;
  Options m_options;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake, m_done;
  std::deque<Op*> m_queue;
  bool m_stopping = false;
  std::int64_t m_batches = 0, m_operations = 0;
  std::thread::id m_writerId;
  std::thread m_writer;
};

}  // namespace lpse::store
