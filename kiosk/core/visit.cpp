#include "kiosk/core/visit.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace lpse::core {
namespace {

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s) {
  for (const auto& [e, name] : table)
    if (name == s) return e;
  return std::nullopt;
}
template <class E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [v, name] : table)
    if (v == e) return name;
  return "?";
}

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

std::string_view toString(VisitorRole r) { return nameOf(kRoles, r); }
std::optional<VisitorRole> visitorRoleFrom(std::string_view s) { return lookup(kRoles, s); }
std::string_view toString(Document d) { return nameOf(kDocuments, d); }
std::optional<Document> documentFrom(std::string_view s) { return lookup(kDocuments, s); }
std::string_view toString(Channel c) { return nameOf(kChannels, c); }
std::optional<Channel> channelFrom(std::string_view s) { return lookup(kChannels, s); }

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
