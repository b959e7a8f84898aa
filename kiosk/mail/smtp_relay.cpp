#include "kiosk/mail/smtp_relay.hpp"

#include <openssl/rand.h>

#include <chrono>
#include <cstdio>

#include "kiosk/mail/mime.hpp"

namespace lpse::mail {

namespace {

struct SmtpReply {
  int code = 0;
  std::string text;  // the last line's text
  std::vector<std::string> lines;
};

core::Result<SmtpReply> readReply(Connection& c) {
  SmtpReply r;
  for (int n = 0; n < 200; ++n) {
    auto line = c.readLine(8192);
    if (!line) return line.error();
    if (line->size() < 3)
      return core::makeError("smtp_rejected", "Relai SMTP menjawab di luar dugaan.", "The SMTP relay answered unexpectedly.");
    int code = 0;
    for (int i = 0; i < 3; ++i) {
      if ((*line)[i] < '0' || (*line)[i] > '9')
        return core::makeError("smtp_rejected", "Relai SMTP menjawab di luar dugaan.",
                               "The SMTP relay answered unexpectedly.");
      code = code * 10 + ((*line)[i] - '0');
    }
    r.code = code;
    r.text = line->size() > 4 ? line->substr(4) : "";
    r.lines.push_back(r.text);
    if (line->size() == 3 || (*line)[3] != '-') return r;
  }
  return core::makeError("smtp_rejected", "Jawaban relai SMTP terlalu panjang.", "The SMTP relay's reply is too long.");
}

// A reply that is not the expected class, as an error naming the stage.
core::Error replyError(const std::string& stage, const SmtpReply& r) {
  const std::string what = stage + ": " + std::to_string(r.code) + " " + r.text.substr(0, 120);
  if (r.code >= 400 && r.code < 500)
    return core::makeError("smtp_temporary", "Relai SMTP menolak sementara (" + what + "); dicoba lagi nanti.",
                           "The SMTP relay refused for now (" + what + "); will try again later.");
  if (stage == "RCPT")
    return core::makeError("smtp_recipient", "Alamat penerima ditolak relai SMTP (" + what + ").",
                           "The SMTP relay refused the recipient (" + what + ").");
  if (stage == "AUTH")
    return core::makeError("smtp_auth", "Login ke relai SMTP ditolak (" + what + ").",
                           "The SMTP relay refused the login (" + what + ").");
  return core::makeError("smtp_rejected", "Relai SMTP menolak pesan (" + what + ").",
                         "The SMTP relay refused the message (" + what + ").");
}

core::Result<SmtpReply> smtpCommand(Connection& c, const std::string& line) {
  if (auto ok = c.write(line + "\r\n"); !ok) return ok.error();
  return readReply(c);
}

std::string oneLine(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != '\r' && c != '\n') out += c;
  return out;
}

bool plainAscii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80 || c < 0x20) return false;
  return true;
}

// An address safe for a command line and a header: no spaces, brackets,
// quotes or line breaks.
bool safeAddress(const std::string& a) {
  if (a.empty() || a.size() > 254 || a.find('@') == std::string::npos) return false;
  for (unsigned char c : a)
    if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == '(' || c == ')') return false;
  return true;
}

bool loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

std::string randomHex(int bytes) {
  unsigned char raw[32];
  RAND_bytes(raw, bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < bytes; ++i) {
    out += kHex[raw[i] >> 4];
    out += kHex[raw[i] & 15];
  }
  return out;
}

std::int64_t systemNowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

bool retryable(const core::Error& e) {
  return e.code == "mail_connect" || e.code == "mail_tls" || e.code == "mail_timeout" || e.code == "mail_closed" ||
         e.code == "smtp_temporary" || e.code == "smtp_auth" || e.code == "mail_line_too_long";
}

std::string rfc5322Date(std::int64_t ms) {
  using namespace std::chrono;
  const sys_days days = floor<std::chrono::days>(sys_time<milliseconds>(milliseconds(ms)));
  const year_month_day ymd{days};
  const weekday wd{days};
  const auto tod = milliseconds(ms) - days.time_since_epoch();
  const auto secs = duration_cast<seconds>(tod).count();
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %d %02lld:%02lld:%02lld +0000", kDays[wd.c_encoding()],
                static_cast<unsigned>(ymd.day()), kMon[static_cast<unsigned>(ymd.month()) - 1],
                static_cast<int>(ymd.year()), static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buf;
}

std::string encodeHeaderText(const std::string& in) {
  const std::string s = oneLine(in);
  if (plainAscii(s)) return s;
  // Encoded-words of at most 75 characters: 45 bytes of text each, cut on
  // character boundaries so no word holds half a character.
  const std::string valid = cleanLine(s, 2000);
  std::string out;
  std::size_t i = 0;
  while (i < valid.size()) {
    std::size_t j = i;
    while (j < valid.size()) {
      std::size_t n = 1;
      const auto b = static_cast<unsigned char>(valid[j]);
      if (b >= 0xF0) n = 4;
      else if (b >= 0xE0) n = 3;
      else if (b >= 0xC0) n = 2;
      if (j + n - i > 45) break;
      j += n;
    }
    if (j == i) j = std::min(valid.size(), i + 1);
    out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + base64Encode(valid.substr(i, j - i)) + "?=";
    i = j;
  }
  return out;
}

std::string composeMessage(const OutgoingMail& m, const std::string& from, const std::string& fromName,
                           std::int64_t nowMs, const std::string& messageId) {
  auto address = [](const std::string& name, const std::string& addr) {
    const std::string n = oneLine(name);
    if (n.empty()) return "<" + addr + ">";
    if (plainAscii(n)) {
      std::string q = "\"";
      for (char c : n) {
        if (c == '"' || c == '\\') q += '\\';
        q += c;
      }
      return q + "\" <" + addr + ">";
    }
    return encodeHeaderText(n) + " <" + addr + ">";
  };
  std::string h;
  h += "From: " + address(fromName, from) + "\r\n";
  h += "To: " + address(m.toName, m.to) + "\r\n";
  h += "Subject: " + encodeHeaderText(m.subject) + "\r\n";
  h += "Date: " + rfc5322Date(nowMs) + "\r\n";
  h += "Message-ID: " + messageId + "\r\n";
  const std::string reply = oneLine(m.inReplyTo);
  if (!reply.empty() && reply.front() == '<' && reply.back() == '>' && plainAscii(reply)) {
    h += "In-Reply-To: " + reply + "\r\n";
    h += "References: " + reply + "\r\n";
  }
  h += "Auto-Submitted: auto-generated\r\n";
  h += "MIME-Version: 1.0\r\n";
  h += "Content-Type: text/plain; charset=UTF-8\r\n";
  h += "Content-Transfer-Encoding: base64\r\n\r\n";
  std::string text;
  for (std::size_t i = 0; i < m.text.size(); ++i) {
    if (m.text[i] == '\n' && (i == 0 || m.text[i - 1] != '\r')) text += '\r';
    text += m.text[i];
  }
  const std::string b64 = base64Encode(text);
  for (std::size_t i = 0; i < b64.size(); i += 76) h += b64.substr(i, 76) + "\r\n";
  return h;
}

core::Status SmtpRelay::send(const OutgoingMail& mail) {
  if (!safeAddress(mail.to))
    return core::makeError("smtp_recipient", "Alamat penerima tidak dapat dipakai: " + oneLine(mail.to),
                           "The recipient address cannot be used: " + oneLine(mail.to));
  if (!safeAddress(m_s.from))
    return core::makeError("smtp_config", "Alamat pengirim (smtp_from) tidak valid.",
                           "The sender address (smtp_from) is not valid.");
  auto conn = Connection::open(m_s.server);
  if (!conn) return conn.error();
  Connection& c = **conn;
  auto greet = readReply(c);
  if (!greet) return greet.error();
  if (greet->code != 220) return replyError("greeting", *greet);
  auto ehlo = smtpCommand(c, "EHLO " + m_s.heloName);
  if (!ehlo) return ehlo.error();
  if (ehlo->code != 250) return replyError("EHLO", *ehlo);
  if (m_s.server.tls == TlsMode::StartTls) {
    auto r = smtpCommand(c, "STARTTLS");
    if (!r) return r.error();
    if (r->code != 220)
      return core::makeError("mail_tls", "Relai SMTP tidak mendukung STARTTLS.", "The SMTP relay refused STARTTLS.");
    if (auto ok = c.startTls(); !ok) return ok.error();
    ehlo = smtpCommand(c, "EHLO " + m_s.heloName);  // capabilities change after TLS
    if (!ehlo) return ehlo.error();
    if (ehlo->code != 250) return replyError("EHLO", *ehlo);
  }
  if (!m_s.user.empty()) {
    // A password never crosses the LAN in clear text.
    if (!c.secure() && !loopback(m_s.server.host))
      return core::makeError("smtp_config", "AUTH SMTP tanpa TLS hanya diizinkan ke localhost; atur smtp_tls.",
                             "SMTP AUTH without TLS is allowed to localhost only; set smtp_tls.");
    const std::string token = base64Encode(std::string(1, '\0') + m_s.user + std::string(1, '\0') + m_s.password);
    auto r = smtpCommand(c, "AUTH PLAIN " + token);
    if (!r) return r.error();
    if (r->code != 235) return replyError("AUTH", *r);
  }
  auto r = smtpCommand(c, "MAIL FROM:<" + m_s.from + ">");
  if (!r) return r.error();
  if (r->code != 250) return replyError("MAIL", *r);
  r = smtpCommand(c, "RCPT TO:<" + mail.to + ">");
  if (!r) return r.error();
  if (r->code != 250 && r->code != 251) return replyError("RCPT", *r);
  r = smtpCommand(c, "DATA");
  if (!r) return r.error();
  if (r->code != 354) return replyError("DATA", *r);
  const auto at = m_s.from.find('@');
  const std::string msgId = "<lpse." + randomHex(12) + "@" + m_s.from.substr(at + 1) + ">";
  std::string body = composeMessage(mail, m_s.from, m_s.fromName, systemNowMs(), msgId);
  // Dot-stuffing (RFC 5321 4.5.2); base64 lines never start with '.', the
  // headers might.
  std::string stuffed;
  stuffed.reserve(body.size() + 16);
  bool lineStart = true;
  for (char ch : body) {
    if (lineStart && ch == '.') stuffed += '.';
    stuffed += ch;
    lineStart = ch == '\n';
  }
  stuffed += ".\r\n";
  if (auto ok = c.write(stuffed); !ok) return ok.error();
  r = readReply(c);
  if (!r) return r.error();
  if (r->code != 250) return replyError("DATA", *r);
  (void)smtpCommand(c, "QUIT");
  return core::Ok{};
}

}  // namespace lpse::mail
