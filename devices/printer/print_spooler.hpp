#pragma once
// Owns a Printer and talks to it on its own thread, so the UI never waits on
// a device: jobs go in a queue, results come back through callbacks, and the
// latest status is a snapshot anyone may read.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "devices/printer/printer.hpp"

namespace lpse::printer {

class PrintSpooler {
 public:
  // Runs on the spooler thread: hand the result to your own queue, do not
  // block, do not call back into the spooler's destructor.
  using Done = std::function<void(const PrintResult&)>;

  // statusPoll: how often the idle thread refreshes lastStatus() (0 = only
  // before jobs and on requestStatus()). A null printer fails every job.
  explicit PrintSpooler(std::unique_ptr<Printer> printer,
                        std::chrono::milliseconds statusPoll = std::chrono::seconds(2));
  // Finishes the job in progress; queued jobs fail ("dibatalkan") and their
  // callbacks run on the destroying thread.
  ~PrintSpooler();
  PrintSpooler(const PrintSpooler&) = delete;
  PrintSpooler& operator=(const PrintSpooler&) = delete;

  // Queues a job; returns its id (1, 2, ...). The status is checked right
  // before printing, and a printer that cannot print fails the job with the
  // status detail. A job that fails while printing has the status checked
  // again before its callback, so lastStatus() then tells why.
  std::uint64_t submit(std::vector<std::uint8_t> bytes, Done done);

  PrinterStatus lastStatus() const;  // snapshot; Offline "belum diperiksa" until the first check
  std::size_t pendingJobs() const;   // queued, not counting the one printing
  void requestStatus();              // refresh lastStatus() soon, off this thread
  const std::string& describe() const { return m_description; }

 private:
  struct Job {
    std::uint64_t id;
    std::vector<std::uint8_t> bytes;
    Done done;
  };
  void run();
  PrinterStatus queryStatus();
  PrintResult printJob(const Job& job);
  void setStatus(PrinterStatus status);

  std::unique_ptr<Printer> m_printer;  // used only on m_thread after construction
  const std::chrono::milliseconds m_poll;
  const std::string m_description;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<Job> m_queue;
  PrinterStatus m_status;
  std::uint64_t m_nextId = 1;
  bool m_pollNow = true;
  bool m_stop = false;
  std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace lpse::printer
