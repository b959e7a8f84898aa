#pragma once
// The pure half of the IMAP client: a parser for response data (atoms,
// quoted strings, literals, parenthesized lists, NIL) and what the intake
// reads out of a FETCH response: INTERNALDATE, the header block and the
// attachment names from BODYSTRUCTURE. Bounded: depth, list sizes and
// attachment lists are capped, so a hostile message cannot exhaust memory
// or the stack.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lpse::mail {

struct ImapValue {
  enum class Kind { Atom, String, List, Nil };
  Kind kind = Kind::Nil;
  std::string text;              // Atom, String
  std::vector<ImapValue> items;  // List
  bool isList() const { return kind == Kind::List; }
  bool isString() const { return kind == Kind::String || kind == Kind::Atom; }
};

// Parses a sequence of values from `data` (a response line with its
// literals inline: "{N}\r\n" followed by exactly N bytes). Stops at the end
// or at an unbalanced ')'. Nullopt when malformed.
std::optional<std::vector<ImapValue>> parseImapValues(std::string_view data);

// Attachment file names from a BODYSTRUCTURE, in order. Every part with a
// file name, or with disposition "attachment", counts; a forwarded message
// counts as one. Names are decoded (RFC 2231 and RFC 2047) and cleaned.
struct Attachments {
  std::vector<std::string> names;  // at most `maxNames`
  std::size_t count = 0;           // all of them, listed or not
  bool badEncoding = false;        // a name needed replacement characters
};
Attachments attachmentsFrom(const ImapValue& bodystructure, std::size_t maxNames = 50);

// One message as the intake sees it.
struct MailSummary {
  std::uint32_t uid = 0;
  std::string fromEmail;   // empty: no usable sender
  std::string fromName;
  std::string subject;     // decoded, one line
  std::string messageId;   // as written, may be empty
  std::int64_t receivedMs = 0;  // INTERNALDATE, else the Date header, else 0
  std::vector<std::string> attachments;
  std::size_t attachmentCount = 0;
  std::string key;  // stable across re-fetches: from the Message-ID, else the header block
  // What was wrong and worked around: "no_sender", "bad_encoding",
  // "no_date", "no_message_id", "many_attachments".
  std::vector<std::string> problems;
};

// Builds a summary from a FETCH's data items (UID, INTERNALDATE,
// BODY[HEADER], BODYSTRUCTURE); missing items leave their fields empty.
MailSummary summarizeFetch(const std::vector<ImapValue>& fetchItems);

}  // namespace lpse::mail
