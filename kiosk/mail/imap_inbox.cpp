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
    auto line = m_c.readLine(kMaxResponseBytes);
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
      auto more = m_c.readLine(kMaxResponseBytes);
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

// The UID a FETCH response names, read without the full parser.
std::optional<std::uint32_t> uidOf(std::string_view fetch) {
  for (std::size_t p = 0; (p = fetch.find("UID ", p)) != std::string_view::npos; p += 4) {
    if (p > 0 && fetch[p - 1] != '(' && fetch[p - 1] != ' ') continue;
    std::size_t e = p + 4;
    while (e < fetch.size() && std::isdigit(static_cast<unsigned char>(fetch[e]))) ++e;
    if (auto v = number(fetch.substr(p + 4, e - p - 4))) return v;
  }
  return std::nullopt;
}

// Untagged "N FETCH (...)" responses -> summaries of the UIDs asked for;
// the UIDs whose response the parser refused go to `unreadable`.
void readFetches(const std::vector<std::string>& untagged, const std::vector<std::uint32_t>& asked,
                 std::vector<MailSummary>& out, std::vector<std::uint32_t>& unreadable) {
  for (const auto& u : untagged) {
    const auto sp = u.find(' ');
    if (sp == std::string::npos || !startsWithNoCase(std::string_view(u).substr(sp + 1), "FETCH")) continue;
    const std::string_view data = std::string_view(u).substr(sp + 7);
    auto values = parseImapValues(data);
    if (!values || values->empty() || !values->front().isList()) {
      if (auto uid = uidOf(data); uid && std::find(asked.begin(), asked.end(), *uid) != asked.end())
        unreadable.push_back(*uid);
      else
        unreadable.push_back(0);  // cannot even tell which message: the caller gives up
      continue;
    }
    MailSummary m = summarizeFetch(values->front().items);
    if (m.uid == 0 || std::find(asked.begin(), asked.end(), m.uid) == asked.end()) continue;
    out.push_back(std::move(m));
  }
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
    std::vector<std::uint32_t> unreadable;
    readFetches(f->untagged, uids, batch.messages, unreadable);
    if (std::find(unreadable.begin(), unreadable.end(), 0u) != unreadable.end())
      return protocolError("FETCH response cannot be read");
    if (!unreadable.empty()) {
      // A structure past the parser's bounds (MIME nested too deep, tens of
      // thousands of parts): the headers alone still make a case.
      std::string again;
      for (auto u : unreadable) again += (again.empty() ? "" : ",") + std::to_string(u);
      auto g = s.command("UID FETCH " + again + " (UID INTERNALDATE BODY.PEEK[HEADER])");
      if (!g) return g.error();
      if (g->status != "OK") return protocolError("UID FETCH " + g->text);
      std::vector<std::uint32_t> still;
      const auto before = batch.messages.size();
      readFetches(g->untagged, unreadable, batch.messages, still);
      for (auto k = before; k < batch.messages.size(); ++k) batch.messages[k].problems.push_back("structure_unreadable");
      if (!still.empty()) return protocolError("FETCH response cannot be read");
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
