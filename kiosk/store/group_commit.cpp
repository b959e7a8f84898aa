#include "kiosk/store/group_commit.hpp"

#include <vector>

#include "kiosk/store/database.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::store {

namespace {
// The group commit whose batch this thread is running, if any.
thread_local const GroupCommit* t_leading = nullptr;
}  // namespace

GroupCommit::GroupCommit(Store& store, Options options) : m_store(store), m_options(std::move(options)) {}

GroupCommit::~GroupCommit() {
  std::unique_lock lock(m_mutex);
  m_stopping = true;
  m_done.wait(lock, [&] { return !m_leading && m_queue.empty(); });
}

std::int64_t GroupCommit::batches() const {
  std::lock_guard lock(m_mutex);
  return m_batches;
}

std::int64_t GroupCommit::operations() const {
  std::lock_guard lock(m_mutex);
  return m_operations;
}

void GroupCommit::run(const std::function<bool()>& body, const std::function<void(const core::Error&)>& failed) {
  // Called from inside an operation: it is already in the batch.
  if (t_leading == this) {
    body();
    return;
  }
  Op op{&body, &failed, nullptr, false};
  std::unique_lock lock(m_mutex);
  if (m_stopping) {
    // Shutting down: an ordinary transaction of its own.
    lock.unlock();
    std::lock_guard store(m_store.m_mutex);
    body();
    return;
  }
  m_queue.push_back(&op);
  for (;;) {
    // Answered by the batch another caller ran, or nobody is running one:
    // then this caller runs everything queued, its own operation included.
    // Callers that come meanwhile queue up for the next COMMIT; no timer.
    m_done.wait(lock, [&] { return op.done || !m_leading; });
    if (op.done) break;
    m_leading = true;
    std::deque<Op*> batch;
    while (!m_queue.empty() && batch.size() < m_options.maxBatch) {
      batch.push_back(m_queue.front());
      m_queue.pop_front();
    }
    lock.unlock();
    t_leading = this;
    try {
      runBatch(batch);
    } catch (...) {
      // afterCommit threw: the batch is durable; report it to this caller.
      if (!op.exception) op.exception = std::current_exception();
    }
    t_leading = nullptr;
    lock.lock();
    for (Op* o : batch) o->done = true;
    ++m_batches;
    m_operations += static_cast<std::int64_t>(batch.size());
    m_leading = false;
    m_done.notify_all();
  }
  lock.unlock();
  if (op.exception) std::rethrow_exception(op.exception);
}

void GroupCommit::runBatch(std::deque<Op*>& batch) {
  // The store is held for the whole batch: nobody else on this connection
  // sees (or answers from) data that is not yet durable.
  std::lock_guard storeLock(m_store.m_mutex);
  Db& db = *m_store.m_db;
  auto fail = [](Op* op, const core::Error& e) {
    if (!op->exception) (*op->failed)(e);
  };
  try {
    db.beginBatch();
  } catch (const DbError& e) {
    for (Op* op : batch) fail(op, storageFailure(e));
    return;
  }
  std::vector<Op*> inBatch;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    Op* op = batch[i];
    bool keep = false;
    try {
      db.prepare("SAVEPOINT op").run();
      try {
        keep = (*op->body)();
      } catch (const DbError& e) {
        fail(op, storageFailure(e));
      } catch (...) {
        op->exception = std::current_exception();
      }
      if (db.inTransaction()) {
        if (!keep) db.prepare("ROLLBACK TO op").run();
        db.prepare("RELEASE op").run();
      }
    } catch (const DbError& e) {
      // The savepoint cannot be set or undone: give up the whole batch
      // rather than commit half an operation.
      fail(op, storageFailure(e));
      keep = false;
      try {
        db.exec("ROLLBACK");
      } catch (const DbError&) {
      }
    }
    if (!db.inTransaction()) {
      // The whole transaction ended (I/O error, full disk, or above): the
      // work of every operation before this one is gone too. They fail;
      // the rest of the batch starts a fresh one.
      try {
        db.endBatch(false);
      } catch (const DbError&) {
      }
      const core::Error lost = storageFailure(DbError(0, "the transaction was rolled back"));
      for (Op* done : inBatch) fail(done, lost);
      if (keep) fail(op, lost);
      std::deque<Op*> rest(batch.begin() + static_cast<std::ptrdiff_t>(i) + 1, batch.end());
      // Same thread; the store's lock is recursive.
      if (!rest.empty()) runBatch(rest);
      return;
    }
    inBatch.push_back(op);
  }
  try {
    db.endBatch(true);
  } catch (const DbError& e) {
    for (Op* op : inBatch) fail(op, storageFailure(e));
    return;
  }
  if (m_options.afterCommit) m_options.afterCommit();
}

}  // namespace lpse::store
