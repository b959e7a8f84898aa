#include "devices/printer/print_spooler.hpp"

#include <exception>

namespace lpse::printer {
namespace {

std::string defaultDetail(PrinterState state) {
  switch (state) {
    case PrinterState::Ready: return {};
    case PrinterState::PaperNearEnd: return "Kertas printer hampir habis.";
    case PrinterState::PaperOut: return "Kertas printer habis.";
    case PrinterState::CoverOpen: return "Tutup printer terbuka.";
    case PrinterState::Offline: return "Printer tidak tersambung.";
    case PrinterState::NotFound: return "Printer tidak ditemukan.";
    case PrinterState::Error: return "Printer mengalami gangguan.";
  }
  return "Printer mengalami gangguan.";
}

void notify(const PrintSpooler::Done& done, const PrintResult& result) {
  if (!done) return;
  try {
    done(result);
  } catch (...) {
    // A throwing callback must not take the print thread down with it.
  }
}

}  // namespace

PrintSpooler::PrintSpooler(std::unique_ptr<Printer> printer, std::chrono::milliseconds statusPoll)
    : m_printer(std::move(printer)),
      m_poll(statusPoll),
      m_description(m_printer ? m_printer->describe() : std::string("(tanpa printer)")),
      m_status{PrinterState::Offline, "Status printer belum diperiksa."},
      m_thread([this] { run(); }) {}

PrintSpooler::~PrintSpooler() {
  std::deque<Job> cancelled;
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  if (m_thread.joinable()) m_thread.join();
  {
    std::lock_guard lock(m_mutex);
    cancelled.swap(m_queue);
  }
  for (const Job& job : cancelled)
    notify(job.done, {false, "Pencetakan dibatalkan: layanan printer dihentikan.", {}});
}

std::uint64_t PrintSpooler::submit(std::vector<std::uint8_t> bytes, Done done) {
  std::uint64_t id = 0;
  {
    std::lock_guard lock(m_mutex);
    id = m_nextId++;
    m_queue.push_back({id, std::move(bytes), std::move(done)});
  }
  m_wake.notify_one();
  return id;
}

PrinterStatus PrintSpooler::lastStatus() const {
  std::lock_guard lock(m_mutex);
  return m_status;
}

std::size_t PrintSpooler::pendingJobs() const {
  std::lock_guard lock(m_mutex);
  return m_queue.size();
}

void PrintSpooler::requestStatus() {
  {
    std::lock_guard lock(m_mutex);
    m_pollNow = true;
  }
  m_wake.notify_one();
}

void PrintSpooler::setStatus(PrinterStatus status) {
  if (status.detail.empty()) status.detail = defaultDetail(status.state);
  std::lock_guard lock(m_mutex);
  m_status = std::move(status);
}

PrinterStatus PrintSpooler::queryStatus() {
  if (!m_printer) return {PrinterState::NotFound, "Printer belum dikonfigurasi."};
  try {
    return m_printer->status();
  } catch (const std::exception& e) {
    return {PrinterState::Error, std::string("Printer mengalami gangguan: ") + e.what()};
  } catch (...) {
    return {PrinterState::Error, {}};
  }
}

PrintResult PrintSpooler::printJob(const Job& job) {
  PrinterStatus status = queryStatus();
  setStatus(status);
  if (!status.canPrint()) return {false, lastStatus().detail, {}};
  PrintResult result;
  try {
    result = m_printer->print(job.bytes);
  } catch (const std::exception& e) {
    result = {false, std::string("Printer mengalami gangguan: ") + e.what(), {}};
  } catch (...) {
    result = {false, defaultDetail(PrinterState::Error), {}};
  }
  // A job that failed mid-way (cable pulled, paper ran out, cover opened)
  // leaves the last status saying "ready": ask again now, so the staff see
  // the reason before the callback runs, not at the next poll.
  if (!result.ok) setStatus(queryStatus());
  return result;
}

void PrintSpooler::run() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    const auto ready = [this] { return m_stop || !m_queue.empty() || m_pollNow; };
    if (m_poll.count() > 0) {
      if (!m_wake.wait_for(lock, m_poll, ready)) m_pollNow = true;  // idle: time for a status check
    } else {
      m_wake.wait(lock, ready);
    }
    if (m_stop) return;
    if (!m_queue.empty()) {
      Job job = std::move(m_queue.front());
      m_queue.pop_front();
      lock.unlock();
      const PrintResult result = printJob(job);
      notify(job.done, result);
      lock.lock();
    } else if (m_pollNow) {
      m_pollNow = false;
      lock.unlock();
      setStatus(queryStatus());
      lock.lock();
    }
  }
}

}  // namespace lpse::printer
