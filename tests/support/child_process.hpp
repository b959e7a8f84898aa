#pragma once
// Runs a helper program as a child with its stdout on a pipe: enough for the
// crash and concurrency tests to start, kill, reap and read store_torture.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace lpse::testutil {

class Child {
 public:
  // Starts `argv[0]` with the given arguments; stderr stays the parent's.
  explicit Child(const std::vector<std::string>& argv) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    m_pid = fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
      dup2(fds[1], STDOUT_FILENO);  // dup2 clears O_CLOEXEC on the copy
      execv(args[0], args.data());
      _exit(127);
    }
    close(fds[1]);
    m_out = fds[0];
  }
  ~Child() {
    if (m_pid > 0) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, nullptr, 0);
    }
    if (m_out >= 0) close(m_out);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return m_pid; }
  int fd() const { return m_out; }
  const std::string& output() const { return m_text; }
  bool eof() const { return m_out < 0; }

  // Reads what is available now (the fd is polled first); false at EOF.
  bool readSome() {
    if (m_out < 0) return false;
    char buf[4096];
    ssize_t n = read(m_out, buf, sizeof buf);
    if (n < 0 && errno == EINTR) return true;
    if (n <= 0) {
      close(m_out);
      m_out = -1;
      return false;
    }
    m_text.append(buf, static_cast<std::size_t>(n));
    return true;
  }
  // Reads until the output contains `text`; false on EOF or timeout.
  bool waitFor(const std::string& text, int timeoutMs) {
    while (m_text.find(text) == std::string::npos) {
      pollfd p{m_out, POLLIN, 0};
      if (m_out < 0) return false;
      const int r = poll(&p, 1, timeoutMs);
      if (r == 0) return false;
      if (r < 0 && errno != EINTR) return false;
      if (r > 0 && !readSome()) return m_text.find(text) != std::string::npos;
    }
    return true;
  }
  void readToEnd() {
    while (readSome()) {
    }
  }
  void kill9() { kill(m_pid, SIGKILL); }
  // Reaps the child; returns the raw wait status.
  int wait() {
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_pid = -1;
    return status;
  }

 private:
  pid_t m_pid = -1;
  int m_out = -1;
  std::string m_text;
};

// Reads every child's stdout until all reach EOF, without letting one full
// pipe block a child while the parent waits on another.
inline void drainAll(std::vector<Child*> children) {
  for (;;) {
    std::vector<pollfd> fds;
    std::vector<Child*> owners;
    for (auto* c : children)
      if (!c->eof()) {
        fds.push_back({c->fd(), POLLIN, 0});
        owners.push_back(c);
      }
    if (fds.empty()) return;
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("poll failed");
    }
    for (std::size_t i = 0; i < fds.size(); ++i)
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) owners[i]->readSome();
  }
}

inline std::string describeStatus(int status) {
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return std::string("signal ") + strsignal(WTERMSIG(status));
  return "status " + std::to_string(status);
}

}  // namespace lpse::testutil
