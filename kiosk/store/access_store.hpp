#pragma once
// Who may use the server: staff accounts (password or PIN, Argon2id),
// device credentials (one random token per kiosk or display), and staff
// sessions with an expiry. Lives beside the queue in the same SQLite file
// but on its own connection, so that checking a credential on every request
// never waits behind a queue write, and so that `lpse staff/device` changes
// made by another process take effect on the very next request.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <vector>

#include "kiosk/core/case_record.hpp"
#include "kiosk/core/error.hpp"

namespace lpse::store {

class Db;

struct StaffAccount {
  std::int64_t id = 0;
  std::string username;
  std::string displayName;
  core::ActorRole role = core::ActorRole::Helpdesk;
  bool disabled = false;
  std::int64_t createdMs = 0;
};

struct DeviceAccount {
  std::string id;  // "kiosk-1"
  core::ActorRole role = core::ActorRole::Kiosk;
  bool revoked = false;
  std::int64_t createdMs = 0;
};

struct Session {
  std::string token;  // given once, to the client; only its hash is kept
  std::int64_t expiresMs = 0;
  StaffAccount staff;
};

struct AccessPolicy {
  std::int64_t sessionMs = 12LL * 3600 * 1000;  // one working day and some
  int freeAttempts = 5;                         // wrong logins before a lock
  std::int64_t lockBaseMs = 30'000;             // doubles with each further failure
  std::int64_t lockMaxMs = 15LL * 60 * 1000;
  // Argon2id cost (libsodium "interactive": ~64 MiB, tens of ms).
  unsigned long long opsLimit = 2;
  std::size_t memLimit = 64u << 20;
};

// The roles a person can hold, and the roles a device can hold.
bool isStaffRole(core::ActorRole r);
bool isDeviceRole(core::ActorRole r);

// Input rules, shared by the CLI and the server.
core::Status validateUsername(const std::string& name, const char* field = "username");
// A PIN is 6-12 digits; a password 8-128 characters.
core::Status validateSecret(const std::string& secret);

class AccessStore {
 public:
  static core::Result<std::unique_ptr<AccessStore>> open(const std::string& path, AccessPolicy policy = {});
  ~AccessStore();

  core::Result<StaffAccount> addStaff(const std::string& username, const std::string& displayName, core::ActorRole role,
                                      const std::string& secret, std::int64_t nowMs);
  core::Status setStaffSecret(const std::string& username, const std::string& secret, std::int64_t nowMs);
  // Disabling ends the account's sessions at once.
  core::Status setStaffDisabled(const std::string& username, bool disabled, std::int64_t nowMs);
  std::vector<StaffAccount> listStaff();

  // Registers a device (or gives a revoked or lost one a fresh token) and
  // returns its token: shown once, then only its hash is kept.
  core::Result<std::string> issueDeviceToken(const std::string& id, core::ActorRole role, std::int64_t nowMs);
  core::Status revokeDevice(const std::string& id, std::int64_t nowMs);
  std::vector<DeviceAccount> listDevices();

  // Checks a username and secret; throttled per account after repeated
  // failures (the error says how long to wait).
  core::Result<Session> login(const std::string& username, const std::string& secret, std::int64_t nowMs);
  core::Status logout(const std::string& token, std::int64_t nowMs);

  // The actor behind a bearer token (device or session), or nothing when the
  // token is unknown, revoked, expired or its account disabled.
  std::optional<core::Actor> authenticate(const std::string& token, std::int64_t nowMs);

  const AccessPolicy& policy() const { return m_policy; }

  // Called (on the caller's thread) after a credential ended through this
  // object: a device revoked or given a new token, an account disabled, a
  // password changed, a session logged out. Open push streams use it to
  // close at once.
  void onCredentialEnded(std::function<void()> listener);
  // Changes whenever a credential may have ended, whoever ended it (the
  // `lpse` CLI is another process): polled to catch those.
  std::string credentialMark();

 private:
  void credentialEnded();

  AccessStore(std::unique_ptr<Db> db, AccessPolicy policy);

  std::unique_ptr<Db> m_db;
  AccessPolicy m_policy;
  std::mutex m_mutex;
  // Argon2id takes 64 MiB and tens of ms per check: a burst of logins must
  // not take the server's memory with it.
  std::counting_semaphore<2> m_hashing{2};
  std::mutex m_listenerMutex;
  std::function<void()> m_listener;
};

}  // namespace lpse::store
