#include "kiosk/core/visit.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "kiosk/core/enum_names.hpp"

namespace lpse::core {
namespace {

constexpr std::array<std::pair<VisitorRole, std::string_view>, 6> kRoles{{
    {VisitorRole::AdminAgency, "admin_agency"},
    {VisitorRole::Helpdesk, "helpdesk"},
    {VisitorRole::Verifikator, "verifikator"},
    {VisitorRole::Ppk, "ppk"},
    {VisitorRole::Panitia, "panitia"},
    {VisitorRole::Auditor, "auditor"},
}};
constexpr std::array<std::pair<Document, std::string_view>, 3> kDocuments{{
    {Document::RequestForm, "request_form"},
    {Document::SkPenunjukan, "sk_penunjukan"},
    {Document::SuratPerintahPemeriksaan, "surat_perintah_pemeriksaan"},
}};
constexpr std::array<std::pair<Channel, std::string_view>, 2> kChannels{{
    {Channel::WalkIn, "walk_in"},
    {Channel::Email, "email"},
}};

}  // namespace

std::string_view toString(VisitorRole r) { return detail::nameOf(kRoles, r); }
std::optional<VisitorRole> visitorRoleFrom(std::string_view s) { return detail::valueOf(kRoles, s); }
std::string_view toString(Document d) { return detail::nameOf(kDocuments, d); }
std::optional<Document> documentFrom(std::string_view s) { return detail::valueOf(kDocuments, s); }
std::string_view toString(Channel c) { return detail::nameOf(kChannels, c); }
std::optional<Channel> channelFrom(std::string_view s) { return detail::valueOf(kChannels, s); }

std::vector<Document> requiredDocuments(VisitorRole role) {
  if (role == VisitorRole::Auditor) return {Document::RequestForm, Document::SuratPerintahPemeriksaan};
  return {Document::RequestForm, Document::SkPenunjukan};
}

std::vector<ServiceDef> defaultServices() {
  return {
      {"reset", "R", "Reset Password", "Password Reset"},
      {"userid", "U", "Informasi User ID", "User ID Information"},
  };
}

std::vector<Document> Visit::missingDocuments() const {
  std::vector<Document> missing;
  for (Document d : requiredDocuments(role))
    if (std::find(documents.begin(), documents.end(), d) == documents.end()) missing.push_back(d);
  return missing;
}

}  // namespace lpse::core
