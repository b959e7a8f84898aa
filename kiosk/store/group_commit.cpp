#include "kiosk/store/group_commit.hpp"

#include <vector>

#include "kiosk/store/database.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::store {

GroupCommit::GroupCommit(Store& store, Options options) : m_store(store), m_options(std::move(options)) {
  m_writer = std::thread([this] { loop(); });
  m_writerId = m_writer.get_id();
}

GroupCommit::~GroupCommit() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wake.notify_all();
  if (m_writer.joinable()) m_writer.join();
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
  if (std::this_thread::get_id() == m_writerId) {
    body();
    return;
  }
  Op op{&body, &failed, nullptr, false};
  {
    std::unique_lock lock(m_mutex);
    if (m_stopping) {
      // The writer is gone or going: an ordinary transaction of its own.
      lock.unlock();
      std::lock_guard store(m_store.m_mutex);
      body();
      return;
    }
    m_queue.push_back(&op);
  }
  m_wake.notify_one();
  {
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [&] { return op.done; });
  }
  if (op.exception) std::rethrow_exception(op.exception);
}

void GroupCommit::loop() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
    if (m_queue.empty()) return;  // stopping, and nothing left
    // Everything that queued up while the last COMMIT was on disk goes
    // into this one.
    std::deque<Op*> batch;
    while (!m_queue.empty() && batch.size() < m_options.maxBatch) {
      batch.push_back(m_queue.front());
      m_queue.pop_front();
    }
    lock.unlock();
    runBatch(batch);
    lock.lock();
    for (Op* op : batch) op->done = true;
    ++m_batches;
    m_operations += static_cast<std::int64_t>(batch.size());
    m_done.notify_all();
  }
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
