#pragma once
// The guest-book entry (a visit) and the vocabulary around it: who the
// visitor is (their SPSE role), which documents that role must bring, and
// the services the helpdesk offers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/priority.hpp"

namespace lpse::core {

using TimeMs = std::int64_t;  // milliseconds since the Unix epoch, UTC

// The SPSE user kinds the SOP serves (not the staff roles; see sop.hpp).
enum class VisitorRole { AdminAgency, Helpdesk, Verifikator, Ppk, Panitia, Auditor };
inline constexpr VisitorRole kAllVisitorRoles[] = {VisitorRole::AdminAgency, VisitorRole::Helpdesk,
                                                   VisitorRole::Verifikator, VisitorRole::Ppk,
                                                   VisitorRole::Panitia,     VisitorRole::Auditor};

enum class Document { RequestForm, SkPenunjukan, SuratPerintahPemeriksaan };

// How the dossier reached the helpdesk (SOP step 1).
enum class Channel { WalkIn, Email };

std::string_view toString(VisitorRole);
std::optional<VisitorRole> visitorRoleFrom(std::string_view);
std::string_view toString(Document);
std::optional<Document> documentFrom(std::string_view);
std::string_view toString(Channel);
std::optional<Channel> channelFrom(std::string_view);

// SOP step 1 "Perlengkapan": form + SK Penunjukan, or form + Surat Perintah
// Pemeriksaan for auditors.
std::vector<Document> requiredDocuments(VisitorRole);

// A service offered at the helpdesk; the prefix numbers its tickets (R-001).
struct ServiceDef {
  std::string code;    // "reset", "userid"
  std::string prefix;  // "R", "U"
  std::string nameId;
  std::string nameEn;
};
std::vector<ServiceDef> defaultServices();

struct Visit {
  std::string service;  // ServiceDef::code
  Channel channel = Channel::WalkIn;
  std::string name;
  std::string nip;  // optional; validated when given
  VisitorRole role = VisitorRole::Ppk;
  std::string agency;
  std::string phone;
  std::string email;
  std::string purpose;
  std::string spseUserId;  // optional
  std::vector<Document> documents;  // what the visitor says they brought
  bool consent = false;             // data notice accepted (recorded with the visit)
  std::string language = "id";      // the language the visitor used
  TimeMs receivedMs = 0;            // e-mail: when the message arrived (0: when registered)
  PriorityCategory priority = PriorityCategory::None;  // walk-in: served first (issue #14)

  std::vector<Document> missingDocuments() const;
};

}  // namespace lpse::core
