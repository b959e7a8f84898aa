#pragma once
// Real mail servers for the e-mail channel's tests, started on loopback
// ports with throwaway configs in a temp dir: Dovecot (IMAP, Debian
// dovecot-imapd) with a Maildir the test delivers into, and an SMTP sink
// (Debian python3-aiosmtpd, tests/mail/smtp_sink.py) that writes each
// accepted message as JSON. Absent binaries: available() says why, and the
// test program exits 77 (a CTest skip).
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "child_process.hpp"

namespace lpse::testutil {

namespace fs = std::filesystem;

class MailTempDir {
 public:
  MailTempDir() {
    char tmpl[] = "/tmp/lpse-mail-XXXXXX";
    m_path = mkdtemp(tmpl);
    fs::permissions(m_path, fs::perms::all);  // Dovecot's mail user must reach it
  }
  ~MailTempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

inline int freeLoopbackPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

inline bool portOpen(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(fd);
  return ok;
}

inline bool waitPort(int port, int timeoutMs) {
  for (int waited = 0; waited < timeoutMs; waited += 50) {
    if (portOpen(port)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

inline void writeFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every "@NAME@" in `text` replaced by its value.
inline std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [key, value] : values)
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  return text;
}

// SIGTERM and reap: Dovecot's master takes its helper processes with it.
inline void stopChild(std::unique_ptr<Child>& c) {
  if (!c) return;
  kill(c->pid(), SIGTERM);
  c->wait();
  c.reset();
}

constexpr const char* kDovecot = "/usr/sbin/dovecot";
constexpr const char* kPython = "/usr/bin/python3";  // Debian's, where python3-aiosmtpd lives

// Empty when both servers can run here; else what is missing.
inline std::string mailServersMissing() {
  if (access(kDovecot, X_OK) != 0) return "dovecot (Debian dovecot-imapd) is not installed";
  if (access(kPython, X_OK) != 0) return "/usr/bin/python3 is not installed";
  if (std::system("/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1") != 0)
    return "python3-aiosmtpd is not installed";
  return {};
}

// Dovecot serving one user's Maildir over plain IMAP on a loopback port.
class Dovecot {
 public:
  static constexpr const char* kUser = "helpdesk";
  static constexpr const char* kPassword = "kata-sandi-uji";

  // With a certificate and key: STARTTLS on port(), implicit TLS on tlsPort().
  explicit Dovecot(const std::string& dir, const std::string& tlsCert = {}, const std::string& tlsKey = {})
      : m_dir(dir) {
    m_port = freeLoopbackPort();
    m_tlsPort = tlsCert.empty() ? 0 : freeLoopbackPort();
    fs::create_directories(m_dir + "/base");
    for (const char* sub : {"cur", "new", "tmp"}) fs::create_directories(maildir() + "/" + sub);
    for (const auto& e : fs::recursive_directory_iterator(m_dir + "/mail")) fs::permissions(e.path(), fs::perms::all);
    fs::permissions(m_dir + "/mail", fs::perms::all);
    // Root runs the mail processes as nobody (Dovecot refuses uid 0);
    // anyone else runs everything as themselves.
    const bool root = geteuid() == 0;
    const passwd* me = getpwuid(geteuid());
    const std::string uid = root ? "65534" : std::to_string(geteuid());
    const std::string gid = root ? "65534" : std::to_string(getegid());
    // The one Dovecot config of the tests (the Python e2e helper fills the same file).
    std::string user;
    if (!root && me)
      user = "default_internal_user = " + std::string(me->pw_name) + "\ndefault_login_user = " + me->pw_name +
             "\ndefault_internal_group = " + std::to_string(getegid()) + "\n";
    const std::string conf = fill(readFile(std::string(LPSE_SOURCE_DIR) + "/tests/mail/dovecot.conf.in"),
                                  {{"@DIR@", m_dir},
                                   {"@PORT@", std::to_string(m_port)},
                                   {"@TLS_PORT@", std::to_string(m_tlsPort)},
                                   {"@UID@", uid},
                                   {"@GID@", gid},
                                   {"@SSL@", tlsCert.empty() ? std::string("ssl = no")
                                                             : "ssl = yes\nssl_cert = <" + tlsCert + "\nssl_key = <" + tlsKey},
                                   {"@USER@", user}});
    writeFile(m_dir + "/dovecot.conf", conf);
    writeFile(m_dir + "/passwd", std::string(kUser) + ":{PLAIN}" + kPassword + "\n");
    start();
  }
  ~Dovecot() { stop(); }

  void start() {
    m_child = std::make_unique<Child>(std::vector<std::string>{kDovecot, "-F", "-c", m_dir + "/dovecot.conf"});
    m_ready = waitPort(m_port, 10'000);
  }
  // SIGKILL: Dovecot's helpers exit when their master goes (SIGTERM makes
  // the master wait ~1 s for them); wait until the port is free again.
  void stop() {
    if (!m_child) return;
    m_child->kill9();
    m_child->wait();
    m_child.reset();
    for (int waited = 0; waited < 3000 && portOpen(m_port); waited += 20)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  bool ready() const { return m_ready; }
  int port() const { return m_port; }
  int tlsPort() const { return m_tlsPort; }
  std::string maildir() const { return m_dir + "/mail/" + kUser; }
  std::string log() const {
    std::ifstream in(m_dir + "/dovecot.log");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  // Delivers a raw message the way an MTA does (Maildir tmp -> new); its
  // file time becomes the INTERNALDATE Dovecot reports.
  void deliver(const std::string& raw, std::int64_t receivedMs) {
    const std::string name = std::to_string(receivedMs) + ".M" + std::to_string(++m_seq) + "P" +
                             std::to_string(getpid()) + ".lpse-test";
    const std::string tmp = maildir() + "/tmp/" + name;
    writeFile(tmp, raw);
    chmod(tmp.c_str(), 0666);
    timeval tv[2];
    tv[0].tv_sec = tv[1].tv_sec = receivedMs / 1000;
    tv[0].tv_usec = tv[1].tv_usec = 0;
    utimes(tmp.c_str(), tv);
    fs::rename(tmp, maildir() + "/new/" + name);
  }

 private:
  std::string m_dir;
  int m_port = 0;
  int m_tlsPort = 0;
  int m_seq = 0;
  bool m_ready = false;
  std::unique_ptr<Child> m_child;
};

// The aiosmtpd sink; messages() reads what it stored.
class SmtpSink {
 public:
  struct Options {
    std::string user, password;    // AUTH required when set
    std::string tlsCert, tlsKey;   // STARTTLS required when set
  };
  SmtpSink(const std::string& dir, int port, Options o = {}) : m_dir(dir + "/smtp"), m_port(port), m_o(std::move(o)) {
    fs::create_directories(m_dir);
  }
  ~SmtpSink() { stop(); }

  bool start() {
    std::vector<std::string> argv{kPython, std::string(LPSE_SOURCE_DIR) + "/tests/mail/smtp_sink.py",
                                  "--port", std::to_string(m_port), "--dir", m_dir};
    if (!m_o.user.empty()) argv.insert(argv.end(), {"--user", m_o.user, "--password", m_o.password});
    if (!m_o.tlsCert.empty()) argv.insert(argv.end(), {"--tls-cert", m_o.tlsCert, "--tls-key", m_o.tlsKey});
    m_child = std::make_unique<Child>(argv);
    return m_child->waitFor("ready", 15'000) && waitPort(m_port, 5'000);
  }
  void stop() { stopChild(m_child); }
  int port() const { return m_port; }

  std::vector<nlohmann::json> messages() const {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(m_dir))
      if (e.path().extension() == ".json") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<nlohmann::json> out;
    for (const auto& f : files) {
      std::ifstream in(f);
      out.push_back(nlohmann::json::parse(in));
    }
    return out;
  }
  bool waitMessages(std::size_t n, int timeoutMs) const {
    for (int waited = 0; waited < timeoutMs; waited += 50) {
      if (messages().size() >= n) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return messages().size() >= n;
  }

 private:
  std::string m_dir;
  int m_port;
  Options m_o;
  std::unique_ptr<Child> m_child;
};

}  // namespace lpse::testutil
