#include "kiosk/slip_pdf/slip_print.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <vector>

extern char** environ;

namespace lpse::slip {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// lp's last non-empty line, trimmed and bounded: it goes into a sentence
// staff read.
std::string lastLine(const std::string& out) {
  std::string line, cur;
  for (char c : out) {
    if (c == '\n' || c == '\r') {
      if (cur.find_first_not_of(" \t") != std::string::npos) line = cur;
      cur.clear();
    } else if (static_cast<unsigned char>(c) >= 0x20) {
      cur += c;
    }
  }
  if (cur.find_first_not_of(" \t") != std::string::npos) line = cur;
  const auto b = line.find_first_not_of(" \t");
  line = b == std::string::npos ? "" : line.substr(b);
  if (line.size() > 200) line = line.substr(0, 200) + "...";
  return line;
}

struct Run {
  int spawnError = 0;  // errno from posix_spawnp (ENOENT: no such program)
  bool timedOut = false;
  int status = 0;
  std::string output;  // stdout and stderr together
};

// The child gets /dev/null for stdin, one pipe for stdout and stderr, and a
// process group of its own, so a timeout kills whatever it started too.
Run runChild(const std::vector<std::string>& argv, int timeoutMs) {
  Run r;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    r.spawnError = errno;
    return r;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&fa, fds[1], STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, args[0], &fa, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    r.spawnError = rc;
    return r;
  }
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
  bool open = true;
  while (open) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      r.timedOut = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int n = poll(&p, 1, static_cast<int>(left));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) continue;  // the deadline is checked above
    char buf[1024];
    const ssize_t got = read(fds[0], buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) open = false;
    else if (r.output.size() < 16 * 1024) r.output.append(buf, static_cast<std::size_t>(got));
  }
  close(fds[0]);
  if (r.timedOut) {
    kill(-pid, SIGKILL);
  } else {
    // The pipe closed; the child exits now, or holds on past the deadline.
    for (;;) {
      const pid_t w = waitpid(pid, &r.status, WNOHANG);
      if (w == pid) return r;
      if (w < 0 && errno != EINTR) return r;
      if (Clock::now() >= deadline) {
        r.timedOut = true;
        kill(-pid, SIGKILL);
        break;
      }
      usleep(10'000);
    }
  }
  while (waitpid(pid, &r.status, 0) < 0 && errno == EINTR) {
  }
  return r;
}

}  // namespace

core::Result<std::string> sendToPrinter(const std::string& pdfPath, const std::string& title, const PrintOptions& o) {
  const std::string& q = o.printer;
  // "./" keeps a relative name that starts with '-' from reading as an option.
  const std::string file = !pdfPath.empty() && pdfPath[0] == '-' ? "./" + pdfPath : pdfPath;
  const Run r = runChild({o.program, "-d", q, "-t", title, "-o", std::string("media=") + mediaName(o.paper), file},
                         o.timeoutMs);
  if (r.spawnError == ENOENT)
    return core::makeError("slip_print_missing",
                           "Perintah '" + o.program + "' (CUPS) tidak ditemukan: pasang paket cups-client.",
                           "The '" + o.program + "' command (CUPS) was not found: install the cups-client package.");
  if (r.spawnError != 0)
    return core::makeError("slip_print_missing",
                           "Perintah '" + o.program + "' tidak dapat dijalankan: " + std::strerror(r.spawnError) + ".",
                           "Cannot run '" + o.program + "': " + std::strerror(r.spawnError) + ".");
  const std::string said = lastLine(r.output);
  if (r.timedOut) {
    const std::string s = std::to_string((o.timeoutMs + 999) / 1000);
    return core::makeError("slip_print_timeout",
                           "Printer '" + q + "' tidak menjawab dalam " + s + " detik.",
                           "Printer '" + q + "' did not answer within " + s + " s.");
  }
  if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0)
    return core::makeError("slip_print_failed",
                           "Printer '" + q + "' tidak dapat mencetak slip" + (said.empty() ? "." : ": " + said),
                           "Printer '" + q + "' could not print the slip" + (said.empty() ? "." : ": " + said));
  return said;
}

SlipOutcome saveAndPrint(const core::SlipInput& in, const core::WorkingCalendar& cal, const SlipOptions& o) {
  SlipOutcome out;
  std::error_code ec;
  fs::create_directories(o.dir, ec);
  if (ec) {
    out.error = core::makeError("slip_write", "Folder slip " + o.dir + " tidak dapat dibuat: " + ec.message(),
                                "Cannot create the slip folder " + o.dir + ": " + ec.message());
    return out;
  }
  const std::string path = (fs::path(o.dir) / core::slipFileName(in, cal)).string();
  if (auto w = writeSlipPdf(path, core::slipContent(in, cal), o.print.paper); !w) {
    out.error = w.error();
    return out;
  }
  out.path = path;
  if (o.print.printer.empty()) return out;
  auto printed = sendToPrinter(path, "Slip " + in.ticket, o.print);
  if (!printed) {
    out.error = printed.error();
    return out;
  }
  out.printed = true;
  out.printerAnswer = *printed;
  return out;
}

int purgeOldSlips(const std::string& dir, std::int64_t beforeMs) {
  std::error_code ec;
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("slip-", 0) != 0 || e.path().extension() != ".pdf") continue;
    const auto t = fs::last_write_time(e.path(), ec);
    if (ec) continue;
    const auto sys = std::chrono::file_clock::to_sys(t);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(sys.time_since_epoch()).count();
    if (ms < beforeMs && fs::remove(e.path(), ec)) ++n;
  }
  return n;
}

}  // namespace lpse::slip
