#include "kiosk/store/access_store.hpp"

#include <sodium.h>

#include <algorithm>

#include "kiosk/store/database.hpp"
#include "kiosk/store/schema.hpp"

namespace lpse::store {

using core::ActorRole;
using core::Error;
using core::makeError;

namespace {

constexpr std::string_view kDevicePrefix = "lpsed_";
constexpr std::string_view kSessionPrefix = "lpses_";

std::string hex(const unsigned char* p, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

std::string newToken(std::string_view prefix) {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  return std::string(prefix) + hex(raw, sizeof raw);
}

// Tokens are 256 random bits: a fast keyed-less hash is enough to make a
// stolen database useless for logging in.
std::string tokenHash(const std::string& token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return hex(h, sizeof h);
}

Error loginFailed() {
  return makeError("login_failed", "Nama pengguna atau kata sandi/PIN salah.", "Wrong username or password/PIN.",
                   "password");
}

template <class Fn>
auto guarded(std::mutex& m, Fn&& fn) -> decltype(fn()) {
  std::lock_guard lock(m);
  try {
    return fn();
  } catch (const DbError& e) {
    return storageFailure(e);
  }
}

StaffAccount readStaff(const Stmt& s) {
  StaffAccount a;
  a.id = s.i64(0);
  a.username = s.text(1);
  a.displayName = s.text(2);
  a.role = core::actorRoleFrom(s.text(3)).value_or(ActorRole::Helpdesk);
  a.disabled = s.i64(4) != 0;
  a.createdMs = s.i64(5);
  return a;
}

constexpr const char* kStaffColumns = "id, username, display_name, role, disabled, created_ms";

}  // namespace

bool isStaffRole(ActorRole r) {
  return r == ActorRole::Helpdesk || r == ActorRole::AdminPpe || r == ActorRole::Supervisor || r == ActorRole::Admin;
}
bool isDeviceRole(ActorRole r) { return r == ActorRole::Kiosk || r == ActorRole::Display; }

core::Status validateUsername(const std::string& name, const char* field) {
  const bool shapeOk = name.size() >= 3 && name.size() <= 32 && std::all_of(name.begin(), name.end(), [](char c) {
                         return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                       });
  if (!shapeOk)
    return makeError("bad_username", "Nama harus 3-32 huruf kecil, angka, titik, garis bawah atau tanda hubung.",
                     "A name must be 3-32 lower-case letters, digits, dots, underscores or hyphens.", field);
  return core::Ok{};
}

core::Status validateSecret(const std::string& secret) {
  const bool digits = !secret.empty() && std::all_of(secret.begin(), secret.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits ? (secret.size() < 6 || secret.size() > 12) : (secret.size() < 8 || secret.size() > 128))
    return makeError("weak_secret", "PIN harus 6-12 angka; kata sandi 8-128 karakter.",
                     "A PIN must be 6-12 digits; a password 8-128 characters.", "password");
  return core::Ok{};
}

core::Result<std::unique_ptr<AccessStore>> AccessStore::open(const std::string& path, AccessPolicy policy) {
  if (sodium_init() < 0) return makeError("crypto_init", "Pustaka kriptografi gagal dimuat.", "libsodium failed to load.");
  try {
    auto db = std::make_unique<Db>(path);
    migrate(*db);
    return std::unique_ptr<AccessStore>(new AccessStore(std::move(db), policy));
  } catch (const DbError& e) {
    return makeError("storage_open", "Basis data tidak dapat dibuka: " + std::string(e.what()),
                     "The database cannot be opened: " + std::string(e.what()));
  }
}

AccessStore::AccessStore(std::unique_ptr<Db> db, AccessPolicy policy) : m_db(std::move(db)), m_policy(policy) {}
AccessStore::~AccessStore() = default;

core::Result<StaffAccount> AccessStore::addStaff(const std::string& username, const std::string& displayName,
                                                 ActorRole role, const std::string& secret, std::int64_t nowMs) {
  if (auto ok = validateUsername(username); !ok) return ok.error();
  if (auto ok = validateSecret(secret); !ok) return ok.error();
  if (!isStaffRole(role))
    return makeError("bad_role", "Peran staf harus helpdesk, admin_ppe, supervisor atau admin.",
                     "A staff role must be helpdesk, admin_ppe, supervisor or admin.", "role");
  if (displayName.empty() || displayName.size() > 80)
    return makeError("bad_display_name", "Nama tampilan wajib diisi (maks. 80 karakter).",
                     "A display name is required (80 characters at most).", "display_name");
  char hash[crypto_pwhash_STRBYTES];
  {
    m_hashing.acquire();
    int rc = crypto_pwhash_str(hash, secret.data(), secret.size(), m_policy.opsLimit, m_policy.memLimit);
    m_hashing.release();
    if (rc != 0) return makeError("crypto_memory", "Memori tidak cukup untuk mengamankan kata sandi.", "Out of memory hashing the password.");
  }
  return guarded(m_mutex, [&]() -> core::Result<StaffAccount> {
    Stmt exists(*m_db, "SELECT 1 FROM staff WHERE username=?");
    exists.bind(1, username);
    if (exists.step())
      return makeError("staff_exists", "Nama pengguna '" + username + "' sudah ada.",
                       "The username '" + username + "' is taken.", "username");
    Stmt s(*m_db,
           "INSERT INTO staff(username, display_name, role, secret_hash, created_ms, changed_ms) VALUES(?,?,?,?,?,?)");
    s.bind(1, username).bind(2, displayName).bind(3, std::string(core::toString(role))).bind(4, std::string(hash));
    s.bind(5, nowMs).bind(6, nowMs).run();
    return StaffAccount{m_db->lastInsertId(), username, displayName, role, false, nowMs};
  });
}

core::Status AccessStore::setStaffSecret(const std::string& username, const std::string& secret, std::int64_t nowMs) {
  if (auto ok = validateSecret(secret); !ok) return ok.error();
  char hash[crypto_pwhash_STRBYTES];
  m_hashing.acquire();
  int rc = crypto_pwhash_str(hash, secret.data(), secret.size(), m_policy.opsLimit, m_policy.memLimit);
  m_hashing.release();
  if (rc != 0) return makeError("crypto_memory", "Memori tidak cukup untuk mengamankan kata sandi.", "Out of memory hashing the password.");
  auto ok = guarded(m_mutex, [&]() -> core::Status {
    Transaction tx(*m_db);
    Stmt s(*m_db, "UPDATE staff SET secret_hash=?, failed_logins=0, locked_until_ms=0, changed_ms=? WHERE username=?");
    s.bind(1, std::string(hash)).bind(2, nowMs).bind(3, username).run();
    if (m_db->changes() == 0)
      return makeError("staff_not_found", "Staf '" + username + "' tidak ada.", "No staff member '" + username + "'.", "username");
    // A new secret ends the sessions opened with the old one.
    Stmt end(*m_db, "UPDATE sessions SET revoked=1 WHERE staff_id=(SELECT id FROM staff WHERE username=?)");
    end.bind(1, username).run();
    tx.commit();
    return core::Ok{};
  });
  if (ok) credentialEnded();
  return ok;
}

core::Status AccessStore::setStaffDisabled(const std::string& username, bool disabled, std::int64_t nowMs) {
  auto ok = guarded(m_mutex, [&]() -> core::Status {
    Transaction tx(*m_db);
    Stmt s(*m_db, "UPDATE staff SET disabled=?, failed_logins=0, locked_until_ms=0, changed_ms=? WHERE username=?");
    s.bind(1, disabled ? 1 : 0).bind(2, nowMs).bind(3, username).run();
    if (m_db->changes() == 0)
      return makeError("staff_not_found", "Staf '" + username + "' tidak ada.", "No staff member '" + username + "'.", "username");
    if (disabled) {
      Stmt end(*m_db, "UPDATE sessions SET revoked=1 WHERE staff_id=(SELECT id FROM staff WHERE username=?)");
      end.bind(1, username).run();
    }
    tx.commit();
    return core::Ok{};
  });
  if (ok && disabled) credentialEnded();
  return ok;
}

std::vector<StaffAccount> AccessStore::listStaff() {
  std::lock_guard lock(m_mutex);
  std::vector<StaffAccount> out;
  Stmt s(*m_db, std::string("SELECT ") + kStaffColumns + " FROM staff ORDER BY username");
  while (s.step()) out.push_back(readStaff(s));
  return out;
}

core::Result<std::string> AccessStore::issueDeviceToken(const std::string& id, ActorRole role, std::int64_t nowMs) {
  if (auto ok = validateUsername(id, "device"); !ok) return ok.error();
  if (!isDeviceRole(role))
    return makeError("bad_role", "Peran perangkat harus kiosk atau display.", "A device role must be kiosk or display.",
                     "role");
  std::string token = newToken(kDevicePrefix);
  auto issued = guarded(m_mutex, [&]() -> core::Result<std::string> {
    Stmt s(*m_db,
           "INSERT INTO devices(id, role, token_hash, revoked, created_ms, changed_ms) VALUES(?,?,?,0,?,?) "
           "ON CONFLICT(id) DO UPDATE SET role=excluded.role, token_hash=excluded.token_hash, revoked=0, "
           "changed_ms=excluded.changed_ms");
    s.bind(1, id).bind(2, std::string(core::toString(role))).bind(3, tokenHash(token)).bind(4, nowMs).bind(5, nowMs);
    s.run();
    return token;
  });
  // A new token for a known device ends its old one.
  if (issued) credentialEnded();
  return issued;
}

core::Status AccessStore::revokeDevice(const std::string& id, std::int64_t nowMs) {
  auto ok = guarded(m_mutex, [&]() -> core::Status {
    Stmt s(*m_db, "UPDATE devices SET revoked=1, changed_ms=? WHERE id=?");
    s.bind(1, nowMs).bind(2, id).run();
    if (m_db->changes() == 0)
      return makeError("device_not_found", "Perangkat '" + id + "' tidak terdaftar.", "No device '" + id + "' is registered.",
                       "device");
    return core::Ok{};
  });
  if (ok) credentialEnded();
  return ok;
}

std::vector<DeviceAccount> AccessStore::listDevices() {
  std::lock_guard lock(m_mutex);
  std::vector<DeviceAccount> out;
  Stmt s(*m_db, "SELECT id, role, revoked, created_ms FROM devices ORDER BY id");
  while (s.step())
    out.push_back({s.text(0), core::actorRoleFrom(s.text(1)).value_or(ActorRole::Kiosk), s.i64(2) != 0, s.i64(3)});
  return out;
}

core::Result<Session> AccessStore::login(const std::string& username, const std::string& secret, std::int64_t nowMs) {
  struct Row {
    StaffAccount account;
    std::string hash;
    std::int64_t lockedUntil = 0;
  };
  auto found = guarded(m_mutex, [&]() -> core::Result<std::optional<Row>> {
    Stmt s(*m_db, std::string("SELECT ") + kStaffColumns + ", secret_hash, locked_until_ms FROM staff WHERE username=?");
    s.bind(1, username);
    if (!s.step()) return std::optional<Row>{};
    return std::optional<Row>{Row{readStaff(s), s.text(6), s.i64(7)}};
  });
  if (!found) return found.error();
  if (*found && (*found)->lockedUntil > nowMs) {
    const auto waitS = std::to_string(((*found)->lockedUntil - nowMs + 999) / 1000);
    return makeError("login_locked", "Terlalu banyak percobaan salah. Coba lagi dalam " + waitS + " detik.",
                     "Too many wrong attempts. Try again in " + waitS + " seconds.", "password");
  }

  // Unknown users cost the same as known ones, so timing does not tell
  // which usernames exist.
  static const std::string dummy = [] {
    char h[crypto_pwhash_STRBYTES];
    // Out of memory here leaves no dummy; a verify against "" then fails
    // fast, which only costs the timing cover, never a wrong sign-in.
    if (crypto_pwhash_str(h, "x", 1, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) != 0) return std::string();
    return std::string(h);
  }();
  m_hashing.acquire();
  const std::string& stored = *found ? (*found)->hash : dummy;
  const bool match = crypto_pwhash_str_verify(stored.c_str(), secret.data(), secret.size()) == 0 && found->has_value();
  m_hashing.release();
  if (!*found) return loginFailed();
  const Row& row = **found;

  return guarded(m_mutex, [&]() -> core::Result<Session> {
    if (!match) {
      Stmt s(*m_db, "UPDATE staff SET failed_logins=failed_logins+1 WHERE id=? RETURNING failed_logins");
      s.bind(1, row.account.id);
      const std::int64_t failed = s.step() ? s.i64(0) : 1;
      s.reset();
      if (failed >= m_policy.freeAttempts) {
        const int doublings = static_cast<int>(std::min<std::int64_t>(failed - m_policy.freeAttempts, 20));
        const std::int64_t lockMs = std::min(m_policy.lockBaseMs << doublings, m_policy.lockMaxMs);
        Stmt lock(*m_db, "UPDATE staff SET locked_until_ms=? WHERE id=?");
        lock.bind(1, nowMs + lockMs).bind(2, row.account.id).run();
      }
      return loginFailed();
    }
    if (row.account.disabled)
      return makeError("staff_disabled", "Akun ini dinonaktifkan. Hubungi admin.", "This account is disabled. Ask the admin.",
                       "username");
    Transaction tx(*m_db);
    Stmt reset(*m_db, "UPDATE staff SET failed_logins=0, locked_until_ms=0 WHERE id=?");
    reset.bind(1, row.account.id).run();
    Session session{newToken(kSessionPrefix), nowMs + m_policy.sessionMs, row.account};
    Stmt s(*m_db, "INSERT INTO sessions(token_hash, staff_id, created_ms, expires_ms) VALUES(?,?,?,?)");
    s.bind(1, tokenHash(session.token)).bind(2, row.account.id).bind(3, nowMs).bind(4, session.expiresMs).run();
    // Expired sessions are only clutter: drop them while we hold the lock.
    Stmt prune(*m_db, "DELETE FROM sessions WHERE expires_ms < ?");
    prune.bind(1, static_cast<std::int64_t>(nowMs - 7LL * 24 * 3600 * 1000)).run();
    tx.commit();
    return session;
  });
}

core::Status AccessStore::logout(const std::string& token, std::int64_t) {
  auto ok = guarded(m_mutex, [&]() -> core::Status {
    Stmt s(*m_db, "UPDATE sessions SET revoked=1 WHERE token_hash=?");
    s.bind(1, tokenHash(token)).run();
    return core::Ok{};
  });
  if (ok) credentialEnded();
  return ok;
}

void AccessStore::onCredentialEnded(std::function<void()> listener) {
  std::lock_guard lock(m_listenerMutex);
  m_listener = std::move(listener);
}

void AccessStore::credentialEnded() {
  std::function<void()> listener;
  {
    std::lock_guard lock(m_listenerMutex);
    listener = m_listener;
  }
  if (listener) listener();
}

std::string AccessStore::credentialMark() {
  std::lock_guard lock(m_mutex);
  try {
    // Each ending changes one of these: a revoke or a new token (devices),
    // a disable or a new password (staff: changed_ms, and their sessions
    // are revoked), a logout (sessions).
    Stmt s(*m_db,
           "SELECT (SELECT COUNT(*) || ':' || COALESCE(SUM(revoked), 0) || ':' || COALESCE(MAX(changed_ms), 0)"
           " FROM devices) || '|' || (SELECT COALESCE(SUM(disabled), 0) || ':' || COALESCE(MAX(changed_ms), 0)"
           " FROM staff) || '|' || (SELECT COALESCE(SUM(revoked), 0) FROM sessions)");
    return s.step() ? s.text(0) : std::string();
  } catch (const DbError&) {
    return {};  // unreadable now: no news; asked again shortly
  }
}

std::optional<core::Actor> AccessStore::authenticate(const std::string& token, std::int64_t nowMs) {
  const bool device = token.starts_with(kDevicePrefix);
  if (!device && !token.starts_with(kSessionPrefix)) return std::nullopt;
  if (token.size() != kDevicePrefix.size() + 64) return std::nullopt;
  const std::string h = tokenHash(token);
  std::lock_guard lock(m_mutex);
  try {
    if (device) {
      Stmt s(*m_db, "SELECT id, role FROM devices WHERE token_hash=? AND revoked=0");
      s.bind(1, h);
      if (!s.step()) return std::nullopt;
      auto role = core::actorRoleFrom(s.text(1));
      if (!role || !isDeviceRole(*role)) return std::nullopt;
      return core::Actor{s.text(0), *role};
    }
    Stmt s(*m_db,
           "SELECT st.username, st.role FROM sessions se JOIN staff st ON st.id = se.staff_id "
           "WHERE se.token_hash=? AND se.revoked=0 AND se.expires_ms>? AND st.disabled=0");
    s.bind(1, h).bind(2, nowMs);
    if (!s.step()) return std::nullopt;
    auto role = core::actorRoleFrom(s.text(1));
    if (!role || !isStaffRole(*role)) return std::nullopt;
    return core::Actor{s.text(0), *role};
  } catch (const DbError&) {
    return std::nullopt;  // the caller answers 401; the client retries
  }
}

}  // namespace lpse::store
