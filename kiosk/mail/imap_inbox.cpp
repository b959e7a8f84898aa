#include "kiosk/mail/imap_inbox.hpp"

#include <algorithm>
#include <cctype>

namespace lpse::mail {

namespace {

constexpr std::size_t kMaxHeaderBytes = 256 * 1024;  // more is kept out of memory, not an error
constexpr std::size_t kMaxResponseBytes = 8 * 1024 * 1024;

core::Error protocolError(const std::string& what) {
  return core::makeError("imap_protocol", "Server IMAP menjawab di luar dugaan: " + what,
                         "The IMAP server answered unexpectedly: " + what);
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(s[i])) != std::toupper(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

struct Reply {
  std::string status;  // OK, NO, BAD
  std::string text;    // the tagged line's text
  std::vector<std::string> untagged;  // "* ..." responses, literals inline
};

class Session {
 public:
  explicit Session(Connection& c) : m_c(c) {}

  // One response: a line, and for every "{N}" it ends with, the literal and
  // the line that continues it.
  core::Result<std::string> readResponse() {
    auto line = m_c.readLine();
    if (!line) return line.error();
    std::string out = *line;
    while (!out.empty() && out.back() == '}') {
      const auto open = out.rfind('{');
      if (open == std::string::npos) break;
      std::size_t n = 0;
      bool digits = open + 1 < out.size() - 1;
      for (std::size_t k = open + 1; k + 1 < out.size(); ++k) {
        if (out[k] == '+' && k + 2 == out.size()) continue;
        if (!std::isdigit(static_cast<unsigned char>(out[k])) || n > kMaxResponseBytes * 100) {
          digits = false;
          break;
        }
        n = n * 10 + static_cast<std::size_t>(out[k] - '0');
      }
      if (!digits) break;
      auto lit = m_c.readExact(n, kMaxHeaderBytes);
      if (!lit) return lit.error();
      // The literal may have been cut to its kept part: say so in its marker.
      out.resize(open);
      out += "{" + std::to_string(lit->size()) + "}\r\n" + *lit;
      auto more = m_c.readLine();
      if (!more) return more.error();
      out += *more;
      if (out.size() > kMaxResponseBytes) return protocolError("response too large");
    }
    return out;
  }

  core::Result<Reply> command(const std::string& text) {
    const std::string tag = "k" + std::to_string(++m_tag);
    if (auto ok = m_c.write(tag + " " + text + "\r\n"); !ok) return ok.error();
    Reply r;
    while (true) {
      auto resp = readResponse();
      if (!resp) return resp.error();
      if (resp->rfind("* ", 0) == 0) {
        if (startsWithNoCase(std::string_view(*resp).substr(2), "BYE")) {
          // The server is leaving; the tagged reply may never come.
          if (text.rfind("LOGOUT", 0) == 0) continue;
        }
        r.untagged.push_back(resp->substr(2));
        continue;
      }
      if (resp->rfind("+", 0) == 0) return protocolError("unexpected continuation");
      if (resp->rfind(tag + " ", 0) == 0) {
        const std::string rest = resp->substr(tag.size() + 1);
        const auto sp = rest.find(' ');
        r.status = rest.substr(0, sp);
        for (auto& ch : r.status) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        r.text = sp == std::string::npos ? "" : rest.substr(sp + 1);
        return r;
      }
      // Another tag, or noise: ignored (a well-behaved server sends none).
    }
  }

 private:
  Connection& m_c;
  int m_tag = 0;
};

std::optional<std::uint32_t> number(std::string_view s) {
  std::uint64_t v = 0;
  if (s.empty() || s.size() > 10) return std::nullopt;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (v > 0xFFFFFFFFu) return std::nullopt;
  return static_cast<std::uint32_t>(v);
}

}  // namespace

core::Result<FetchBatch> ImapInbox::fetchNew(const MailCursor& after, std::size_t max) {
  auto conn = Connection::open(m_s.server);
  if (!conn) return conn.error();
  Connection& c = **conn;
  Session s(c);
  auto greeting = s.readResponse();
  if (!greeting) return greeting.error();
  if (!startsWithNoCase(*greeting, "* OK") && !startsWithNoCase(*greeting, "* PREAUTH"))
    return protocolError("greeting \"" + greeting->substr(0, 80) + "\"");

  if (m_s.server.tls == TlsMode::StartTls) {
    auto r = s.command("STARTTLS");
    if (!r) return r.error();
    if (r->status != "OK")
      return core::makeError("mail_tls", "Server IMAP tidak mendukung STARTTLS.", "The IMAP server refused STARTTLS.");
    if (auto ok = c.startTls(); !ok) return ok.error();
  }
  if (!startsWithNoCase(*greeting, "* PREAUTH")) {
    if (m_s.user.find_first_of("\r\n") != std::string::npos || m_s.password.find_first_of("\r\n") != std::string::npos)
      return core::makeError("imap_login", "Nama pengguna atau kata sandi kotak surat berisi baris baru.",
                             "The mailbox user or password contains a line break.");
    auto r = s.command("LOGIN " + quoted(m_s.user) + " " + quoted(m_s.password));
    if (!r) return r.error();
    if (r->status != "OK")
      return core::makeError("imap_login", "Login ke kotak surat ditolak; periksa pengguna dan berkas kata sandinya.",
                             "The mailbox refused the login; check the user and the password file.");
  }
  // EXAMINE: read-only, so reading never marks a message as seen.
  auto sel = s.command("EXAMINE " + quoted(m_s.mailbox));
  if (!sel) return sel.error();
  if (sel->status != "OK")
    return core::makeError("imap_mailbox", "Kotak surat '" + m_s.mailbox + "' tidak dapat dibuka.",
                           "The mailbox '" + m_s.mailbox + "' cannot be opened.");
  std::uint32_t validity = 0;
  for (const auto& u : sel->untagged) {
    const auto p = u.find("[UIDVALIDITY ");
    if (p == std::string::npos) continue;
    const auto e = u.find(']', p);
    if (auto v = number(std::string_view(u).substr(p + 13, e == std::string::npos ? 0 : e - p - 13))) validity = *v;
  }
  if (validity == 0) return protocolError("no UIDVALIDITY");

  FetchBatch batch;
  const std::uint32_t last = validity == after.uidValidity ? after.lastUid : 0;
  batch.cursor = {validity, last};
  auto search = s.command("UID SEARCH UID " + std::to_string(last + 1) + ":*");
  if (!search) return search.error();
  if (search->status != "OK") return protocolError("UID SEARCH " + search->text);
  std::vector<std::uint32_t> uids;
  for (const auto& u : search->untagged) {
    if (!startsWithNoCase(u, "SEARCH")) continue;
    std::string_view rest = std::string_view(u).substr(6);
    while (!rest.empty()) {
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      const auto sp = rest.find(' ');
      if (auto v = number(rest.substr(0, sp)); v && *v > last) uids.push_back(*v);
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp);
    }
  }
  std::sort(uids.begin(), uids.end());
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  if (uids.size() > max) {
    uids.resize(max);
    batch.more = true;
  }
  if (!uids.empty()) {
    std::string set;
    for (auto u : uids) set += (set.empty() ? "" : ",") + std::to_string(u);
    auto f = s.command("UID FETCH " + set + " (UID INTERNALDATE BODY.PEEK[HEADER] BODYSTRUCTURE)");
    if (!f) return f.error();
    if (f->status != "OK") return protocolError("UID FETCH " + f->text);
    for (const auto& u : f->untagged) {
      // "12 FETCH (...)"
      const auto sp = u.find(' ');
      if (sp == std::string::npos || !startsWithNoCase(std::string_view(u).substr(sp + 1), "FETCH")) continue;
      auto values = parseImapValues(std::string_view(u).substr(sp + 7));
      if (!values || values->empty() || !values->front().isList())
        return protocolError("FETCH response cannot be read");
      MailSummary m = summarizeFetch(values->front().items);
      if (m.uid == 0 || std::find(uids.begin(), uids.end(), m.uid) == uids.end()) continue;
      batch.messages.push_back(std::move(m));
    }
    std::sort(batch.messages.begin(), batch.messages.end(),
              [](const MailSummary& a, const MailSummary& b) { return a.uid < b.uid; });
    // A message expunged between SEARCH and FETCH is simply gone; the
    // cursor still moves past every UID asked for.
    batch.cursor.lastUid = uids.back();
  }
  (void)s.command("LOGOUT");
  return batch;
}

}  // namespace lpse::mail
