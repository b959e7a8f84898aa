#include "kiosk/mail/imap_parse.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "kiosk/mail/mime.hpp"

namespace lpse::mail {

namespace {

constexpr int kMaxDepth = 40;            // BODYSTRUCTURE nesting
constexpr std::size_t kMaxItems = 400000;  // values in one response (~30,000 attachments)

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Parser {
  std::string_view d;
  std::size_t i = 0;
  std::size_t made = 0;

  void skipSpace() {
    while (i < d.size() && (d[i] == ' ' || d[i] == '\r' || d[i] == '\n' || d[i] == '\t')) ++i;
  }

  // One value at i; false when malformed.
  bool value(ImapValue& out, int depth) {
    if (++made > kMaxItems || depth > kMaxDepth) return false;
    skipSpace();
    if (i >= d.size()) return false;
    const char c = d[i];
    if (c == '(') {
      ++i;
      out.kind = ImapValue::Kind::List;
      while (true) {
        skipSpace();
        if (i >= d.size()) return false;
        if (d[i] == ')') {
          ++i;
          return true;
        }
        ImapValue item;
        if (!value(item, depth + 1)) return false;
        out.items.push_back(std::move(item));
      }
    }
    if (c == '"') {
      ++i;
      out.kind = ImapValue::Kind::String;
      while (i < d.size() && d[i] != '"') {
        if (d[i] == '\\' && i + 1 < d.size()) ++i;
        out.text += d[i++];
      }
      if (i >= d.size()) return false;
      ++i;
      return true;
    }
    if (c == '{' || (c == '~' && i + 1 < d.size() && d[i + 1] == '{')) {
      if (c == '~') ++i;  // literal8
      const auto close = d.find('}', i);
      if (close == std::string_view::npos || close - i > 12) return false;
      std::size_t n = 0;
      for (std::size_t k = i + 1; k < close; ++k) {
        if (d[k] == '+') continue;
        if (!std::isdigit(static_cast<unsigned char>(d[k]))) return false;
        n = n * 10 + static_cast<std::size_t>(d[k] - '0');
      }
      std::size_t start = close + 1;
      if (d.compare(start, 2, "\r\n") == 0) start += 2;
      else if (start < d.size() && d[start] == '\n') start += 1;
      if (start + n > d.size()) return false;
      out.kind = ImapValue::Kind::String;
      out.text = std::string(d.substr(start, n));
      i = start + n;
      return true;
    }
    if (c == ')') return false;
    // Atom, including BODY[HEADER] and BODY[]<0>: brackets are part of it.
    std::size_t j = i;
    int bracket = 0;
    while (j < d.size()) {
      const char ch = d[j];
      if (ch == '[') ++bracket;
      if (ch == ']') --bracket;
      if (bracket <= 0 && (ch == ' ' || ch == '(' || ch == ')' || ch == '\r' || ch == '\n')) break;
      ++j;
    }
    out.text = std::string(d.substr(i, j - i));
    out.kind = lower(out.text) == "nil" ? ImapValue::Kind::Nil : ImapValue::Kind::Atom;
    i = j;
    return true;
  }
};

const ImapValue* at(const ImapValue& list, std::size_t k) {
  return list.isList() && k < list.items.size() ? &list.items[k] : nullptr;
}

// Body parameters ("name" "x.pdf" "filename*0*" ...) -> lower-case map.
std::map<std::string, std::string> params(const ImapValue* v) {
  std::map<std::string, std::string> out;
  if (!v || !v->isList()) return out;
  for (std::size_t k = 0; k + 1 < v->items.size(); k += 2)
    if (v->items[k].isString() && v->items[k + 1].isString()) out[lower(v->items[k].text)] = v->items[k + 1].text;
  return out;
}

// A parameter's value, from its plain, RFC 2231 extended or continued forms.
std::optional<std::string> param(const std::map<std::string, std::string>& p, const std::string& name, bool& bad) {
  bool ok = true;
  if (auto it = p.find(name + "*"); it != p.end()) {
    auto v = decodeRfc2231(it->second, &ok);
    bad |= !ok;
    return v;
  }
  if (p.count(name + "*0") || p.count(name + "*0*")) {
    std::string joined, charset;
    bool extended = false;
    for (int n = 0; n < 100; ++n) {
      const std::string base = name + "*" + std::to_string(n);
      if (auto e = p.find(base + "*"); e != p.end()) {
        std::string seg = e->second;
        if (n == 0) {
          // charset'language'value: keep the prefix for the whole value.
          extended = true;
          joined += seg;
        } else {
          joined += seg;
        }
      } else if (auto plain = p.find(base); plain != p.end()) {
        joined += plain->second;
      } else {
        break;
      }
    }
    if (extended) {
      auto v = decodeRfc2231(joined, &ok);
      bad |= !ok;
      return v;
    }
    auto v = decodeHeaderText(joined, &ok);
    bad |= !ok;
    return v;
  }
  if (auto it = p.find(name); it != p.end()) {
    auto v = decodeHeaderText(it->second, &ok);
    bad |= !ok;
    return v;
  }
  return std::nullopt;
}

void walk(const ImapValue& body, Attachments& out, std::size_t maxNames, int depth) {
  if (!body.isList() || body.items.empty() || depth > kMaxDepth) return;
  if (body.items.front().isList()) {  // multipart: the parts, then the subtype
    for (const auto& part : body.items) {
      if (!part.isList()) break;
      walk(part, out, maxNames, depth + 1);
    }
    return;
  }
  const ImapValue* type = at(body, 0);
  const ImapValue* subtype = at(body, 1);
  if (!type || !subtype || !type->isString()) return;
  const std::string t = lower(type->text), st = subtype->isString() ? lower(subtype->text) : "";
  // Extension data follows the basic fields; text adds "lines", a
  // message/rfc822 adds envelope, body and lines.
  std::size_t dispositionIndex = 8;
  if (t == "text") dispositionIndex = 9;
  if (t == "message" && (st == "rfc822" || st == "global")) dispositionIndex = 11;
  const ImapValue* disposition = at(body, dispositionIndex);
  std::string dispType;
  std::map<std::string, std::string> dispParams;
  if (disposition && disposition->isList() && !disposition->items.empty() && disposition->items[0].isString()) {
    dispType = lower(disposition->items[0].text);
    dispParams = params(at(*disposition, 1));
  }
  bool bad = false;
  std::optional<std::string> name = param(dispParams, "filename", bad);
  if (!name) name = param(params(at(body, 2)), "name", bad);
  const bool forwarded = dispositionIndex == 11;
  if (!name && dispType != "attachment" && !forwarded) return;
  std::string clean = name ? cleanLine(*name, 120) : "";
  // Only the base name: "C:\\Users\\x\\SK.pdf" or "../SK.pdf" names no path here.
  if (auto slash = clean.find_last_of("/\\"); slash != std::string::npos) clean = clean.substr(slash + 1);
  if (clean.empty()) clean = forwarded ? "(pesan terusan / forwarded message)" : "(tanpa nama / unnamed)";
  ++out.count;
  out.badEncoding |= bad;
  if (out.names.size() < maxNames) out.names.push_back(clean);
}

}  // namespace

std::optional<std::vector<ImapValue>> parseImapValues(std::string_view data) {
  Parser p{data};
  std::vector<ImapValue> out;
  while (true) {
    p.skipSpace();
    if (p.i >= data.size()) break;
    if (data[p.i] == ')') break;
    ImapValue v;
    if (!p.value(v, 0)) return std::nullopt;
    out.push_back(std::move(v));
  }
  return out;
}

Attachments attachmentsFrom(const ImapValue& bodystructure, std::size_t maxNames) {
  Attachments a;
  walk(bodystructure, a, maxNames, 0);
  return a;
}

MailSummary summarizeFetch(const std::vector<ImapValue>& items) {
  MailSummary m;
  std::optional<std::int64_t> internal;
  const ImapValue* header = nullptr;
  const ImapValue* structure = nullptr;
  for (std::size_t k = 0; k + 1 < items.size(); k += 2) {
    const std::string name = lower(items[k].text);
    const ImapValue& v = items[k + 1];
    if (name == "uid" && v.isString()) {
      try {
        m.uid = static_cast<std::uint32_t>(std::stoul(v.text));
      } catch (...) {
        m.uid = 0;
      }
    } else if (name == "internaldate" && v.isString()) {
      internal = parseImapDate(v.text);
    } else if (name.rfind("body[header]", 0) == 0 && v.kind == ImapValue::Kind::String) {
      header = &v;
    } else if (name == "bodystructure") {
      structure = &v;
    }
  }
  const auto fields = parseHeaderBlock(header ? std::string_view(header->text) : std::string_view());
  bool ok = true;
  std::optional<Address> from;
  for (const char* field : {"from", "sender", "reply-to", "return-path"}) {
    if (auto v = headerValue(fields, field)) from = parseAddress(*v);
    if (from) break;
  }
  if (from) {
    m.fromEmail = from->email;
    m.fromName = from->name;
  } else {
    m.problems.push_back("no_sender");
  }
  if (auto s = headerValue(fields, "subject")) m.subject = cleanLine(decodeHeaderText(*s, &ok), 500);
  if (auto id = headerValue(fields, "message-id"); id && !id->empty()) m.messageId = cleanLine(*id, 300);
  std::optional<std::int64_t> dated;
  if (auto d = headerValue(fields, "date")) dated = parseMailDate(*d);
  if (internal) m.receivedMs = *internal;
  else if (dated) m.receivedMs = *dated;
  else m.problems.push_back("no_date");
  if (structure) {
    const auto a = attachmentsFrom(*structure);
    m.attachments = a.names;
    m.attachmentCount = a.count;
    if (a.count > a.names.size()) m.problems.push_back("many_attachments");
    ok &= !a.badEncoding;
  }
  if (!ok) m.problems.push_back("bad_encoding");
  // The key must survive a re-fetch (restart, new UIDVALIDITY): the
  // Message-ID when there is one, else the header block itself.
  if (!m.messageId.empty()) {
    m.key = "mail-" + sha256Hex("message-id " + m.messageId);
  } else {
    m.problems.push_back("no_message_id");
    m.key = "mail-" + sha256Hex("header " + (header ? header->text : std::string()));
  }
  return m;
}

}  // namespace lpse::mail
