#pragma once
// Credentials for tests, made in the database file the way `lpse device add`
// and a desk sign-in make them: a device token for kiosk/display roles, a
// staff account plus a live session for staff roles. Hashing uses the
// cheapest Argon2id parameters so tests stay fast; the server verifies with
// whatever parameters the stored hash names.
#include <sodium.h>

#include <chrono>
#include <stdexcept>
#include <string>

#include "kiosk/client/credential.hpp"
#include "kiosk/store/access_store.hpp"

namespace lpse::testsupport {

inline store::AccessPolicy cheapHashing() {
  store::AccessPolicy p;
  p.opsLimit = crypto_pwhash_OPSLIMIT_MIN;
  p.memLimit = crypto_pwhash_MEMLIMIT_MIN;
  return p;
}

inline std::int64_t wallMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// The PIN every test staff account gets.
inline const std::string kTestPin = "246810";

// A credential for `id` acting as `role`; throws (failing the test) if the
// store refuses.
inline client::Credential credentialFor(const std::string& dbPath, const std::string& id, core::ActorRole role,
                                        std::int64_t nowMs = wallMs()) {
  auto access = store::AccessStore::open(dbPath, cheapHashing());
  if (!access) throw std::runtime_error(access.error().en);
  if (store::isDeviceRole(role)) {
    auto token = (*access)->issueDeviceToken(id, role, nowMs);
    if (!token) throw std::runtime_error(token.error().en);
    return {*token};
  }
  bool exists = false;
  for (const auto& s : (*access)->listStaff()) exists = exists || s.username == id;
  if (!exists) {
    auto added = (*access)->addStaff(id, id, role, kTestPin, nowMs);
    if (!added) throw std::runtime_error(added.error().en);
  }
  auto session = (*access)->login(id, kTestPin, nowMs);
  if (!session) throw std::runtime_error(session.error().en);
  return {session->token};
}

}  // namespace lpse::testsupport
