// Staff accounts, device credentials and sessions on a real database file.
#include "kiosk/store/access_store.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/store/store.hpp"
#include "tests/support/test_access.hpp"

namespace lpse::store {
namespace {

using core::ActorRole;
constexpr std::int64_t t0 = 1'780'000'000'000;  // a fixed "now"
constexpr std::int64_t kHour = 3600 * 1000;

class AccessStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lpse-access-test-XXXXXX";
    m_dir = mkdtemp(tmpl);
    auto a = AccessStore::open(path(), testsupport::cheapHashing());
    ASSERT_TRUE(a.ok()) << a.error().en;
    m_access = std::move(*a);
  }
  void TearDown() override {
    m_access.reset();
    std::filesystem::remove_all(m_dir);
  }
  std::string path() const { return m_dir + "/q.db"; }
  AccessStore& access() { return *m_access; }
  // Every byte the database files hold (main file + WAL).
  std::string fileBytes() const {
    std::string all;
    for (const auto& e : std::filesystem::directory_iterator(m_dir)) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      all += ss.str();
    }
    return all;
  }

  std::string m_dir;
  std::unique_ptr<AccessStore> m_access;
};

TEST_F(AccessStoreTest, StaffSignInGivesASessionThatNamesTheRole) {
  ASSERT_TRUE(access().addStaff("siti", "Siti Aminah", ActorRole::AdminPpe, "135791", t0).ok());
  auto s = access().login("siti", "135791", t0);
  ASSERT_TRUE(s.ok()) << s.error().en;
  EXPECT_EQ(s->staff.role, ActorRole::AdminPpe);
  EXPECT_EQ(s->staff.displayName, "Siti Aminah");
  EXPECT_EQ(s->expiresMs, t0 + access().policy().sessionMs);
  auto who = access().authenticate(s->token, t0 + 1000);
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->id, "siti");
  EXPECT_EQ(who->role, ActorRole::AdminPpe);
  // Usernames are case-insensitive at sign-in (people type "Siti").
  EXPECT_TRUE(access().login("SITI", "135791", t0).ok());
}

TEST_F(AccessStoreTest, SessionsExpireAndEndOnLogout) {
  ASSERT_TRUE(access().addStaff("budi", "Budi", ActorRole::Helpdesk, "246810", t0).ok());
  auto s = access().login("budi", "246810", t0);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(access().authenticate(s->token, s->expiresMs - 1).has_value());
  EXPECT_FALSE(access().authenticate(s->token, s->expiresMs).has_value());
  auto s2 = access().login("budi", "246810", t0);
  ASSERT_TRUE(s2.ok());
  EXPECT_NE(s2->token, s->token);
  ASSERT_TRUE(access().logout(s2->token, t0 + 1).ok());
  EXPECT_FALSE(access().authenticate(s2->token, t0 + 2).has_value());
}

TEST_F(AccessStoreTest, WrongSecretsAreThrottledPerAccount) {
  ASSERT_TRUE(access().addStaff("budi", "Budi", ActorRole::Helpdesk, "246810", t0).ok());
  const int free = access().policy().freeAttempts;
  for (int i = 0; i < free; ++i) {
    auto r = access().login("budi", "000000", t0 + i);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "login_failed");
  }
  // Locked now: even the right PIN is refused, and the error says to wait.
  auto locked = access().login("budi", "246810", t0 + free);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, "login_locked");
  EXPECT_NE(locked.error().id.find("detik"), std::string::npos);
  // After the lock, the right PIN works and the counter starts again.
  const std::int64_t after = t0 + free + access().policy().lockBaseMs + 1;
  EXPECT_TRUE(access().login("budi", "246810", after).ok());
  EXPECT_EQ(access().login("budi", "000000", after + 1).error().code, "login_failed");
  // Another account is not affected by budi's lock.
  ASSERT_TRUE(access().addStaff("ani", "Ani", ActorRole::Helpdesk, "112233", t0).ok());
  for (int i = 0; i < free; ++i) (void)access().login("budi", "000000", after + 2 + i);
  EXPECT_EQ(access().login("budi", "246810", after + 10).error().code, "login_locked");
  EXPECT_TRUE(access().login("ani", "112233", after + 10).ok());
}

TEST_F(AccessStoreTest, LocksGrowWithRepeatedFailures) {
  ASSERT_TRUE(access().addStaff("budi", "Budi", ActorRole::Helpdesk, "246810", t0).ok());
  const auto& p = access().policy();
  std::int64_t now = t0;
  for (int i = 0; i < p.freeAttempts; ++i) (void)access().login("budi", "000000", now++);
  // One more failure after the first lock: the next lock is twice as long.
  now += p.lockBaseMs + 1;
  (void)access().login("budi", "000000", now);
  EXPECT_EQ(access().login("budi", "246810", now + p.lockBaseMs + 1).error().code, "login_locked");
  EXPECT_TRUE(access().login("budi", "246810", now + 2 * p.lockBaseMs + 1).ok());
}

TEST_F(AccessStoreTest, UnknownUsersGetTheSameAnswerAsWrongPasswords) {
  ASSERT_TRUE(access().addStaff("budi", "Budi", ActorRole::Helpdesk, "246810", t0).ok());
  auto unknown = access().login("nobody", "246810", t0);
  auto wrong = access().login("budi", "999999", t0);
  ASSERT_FALSE(unknown.ok());
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(unknown.error().code, wrong.error().code);
  EXPECT_EQ(unknown.error().en, wrong.error().en);
}

TEST_F(AccessStoreTest, DisablingOrANewSecretEndsSessions) {
  ASSERT_TRUE(access().addStaff("budi", "Budi", ActorRole::Helpdesk, "246810", t0).ok());
  auto s = access().login("budi", "246810", t0);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(access().setStaffDisabled("budi", true, t0 + 1).ok());
  EXPECT_FALSE(access().authenticate(s->token, t0 + 2).has_value());
  auto refused = access().login("budi", "246810", t0 + 3);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "staff_disabled");
  ASSERT_TRUE(access().setStaffDisabled("budi", false, t0 + 4).ok());
  auto s2 = access().login("budi", "246810", t0 + 5);
  ASSERT_TRUE(s2.ok());
  ASSERT_TRUE(access().setStaffSecret("budi", "a long passphrase", t0 + 6).ok());
  EXPECT_FALSE(access().authenticate(s2->token, t0 + 7).has_value());
  EXPECT_FALSE(access().login("budi", "246810", t0 + 8).ok());
  EXPECT_TRUE(access().login("budi", "a long passphrase", t0 + 9).ok());
  EXPECT_EQ(access().setStaffDisabled("ghost", true, t0).error().code, "staff_not_found");
}

TEST_F(AccessStoreTest, DeviceTokensAreRevocableAndReissued) {
  auto token = access().issueDeviceToken("kiosk-1", ActorRole::Kiosk, t0);
  ASSERT_TRUE(token.ok()) << token.error().en;
  auto who = access().authenticate(*token, t0);
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->id, "kiosk-1");
  EXPECT_EQ(who->role, ActorRole::Kiosk);
  // Devices do not expire with time.
  EXPECT_TRUE(access().authenticate(*token, t0 + 400LL * 24 * kHour).has_value());
  ASSERT_TRUE(access().revokeDevice("kiosk-1", t0 + 1).ok());
  EXPECT_FALSE(access().authenticate(*token, t0 + 2).has_value());
  // A new token for the same device works; the old one stays dead.
  auto fresh = access().issueDeviceToken("kiosk-1", ActorRole::Kiosk, t0 + 3);
  ASSERT_TRUE(fresh.ok());
  EXPECT_TRUE(access().authenticate(*fresh, t0 + 4).has_value());
  EXPECT_FALSE(access().authenticate(*token, t0 + 4).has_value());
  auto devices = access().listDevices();
  ASSERT_EQ(devices.size(), 1u);
  EXPECT_FALSE(devices[0].revoked);
  EXPECT_EQ(access().revokeDevice("kiosk-9", t0).error().code, "device_not_found");
}

TEST_F(AccessStoreTest, RolesAndInputsAreChecked) {
  EXPECT_EQ(access().addStaff("budi", "Budi", ActorRole::Kiosk, "246810", t0).error().code, "bad_role");
  EXPECT_EQ(access().issueDeviceToken("desk-1", ActorRole::Helpdesk, t0).error().code, "bad_role");
  EXPECT_EQ(access().addStaff("Budi Santoso", "Budi", ActorRole::Helpdesk, "246810", t0).error().code, "bad_username");
  EXPECT_EQ(access().addStaff("budi", "Budi", ActorRole::Helpdesk, "12345", t0).error().code, "weak_secret");
  EXPECT_EQ(access().addStaff("budi", "Budi", ActorRole::Helpdesk, "short", t0).error().code, "weak_secret");
  EXPECT_EQ(access().addStaff("budi", "", ActorRole::Helpdesk, "246810", t0).error().field, "display_name");
  ASSERT_TRUE(access().addStaff("budi", "Budi", ActorRole::Helpdesk, "246810", t0).ok());
  EXPECT_EQ(access().addStaff("budi", "Budi 2", ActorRole::Helpdesk, "246810", t0).error().code, "staff_exists");
}

TEST_F(AccessStoreTest, TokensThatAreNotOursAreRejectedWithoutALookup) {
  for (const std::string& bogus : std::vector<std::string>{"", "x", "lpsed_", "lpses_" + std::string(64, '0'), "lpsed_" + std::string(64, 'g'),
                                  "Bearer lpsed_abc", "' OR 1=1 --", std::string(100000, 'a')})
    EXPECT_FALSE(access().authenticate(bogus, t0).has_value()) << bogus.substr(0, 20);
}

TEST_F(AccessStoreTest, SecretsNeverReachTheDatabaseFile) {
  ASSERT_TRUE(access().addStaff("budi", "Budi", ActorRole::Helpdesk, "secret-passphrase-42", t0).ok());
  auto s = access().login("budi", "secret-passphrase-42", t0);
  ASSERT_TRUE(s.ok());
  auto device = access().issueDeviceToken("kiosk-1", ActorRole::Kiosk, t0);
  ASSERT_TRUE(device.ok());
  m_access.reset();  // flush and close
  const std::string bytes = fileBytes();
  EXPECT_EQ(bytes.find("secret-passphrase-42"), std::string::npos);
  EXPECT_EQ(bytes.find(s->token), std::string::npos);
  EXPECT_EQ(bytes.find(*device), std::string::npos);
  EXPECT_NE(bytes.find("$argon2id$"), std::string::npos);  // what is kept instead
}

TEST_F(AccessStoreTest, SessionsAndDevicesSurviveAReopenAndLiveBesideTheQueue) {
  auto device = access().issueDeviceToken("display-1", ActorRole::Display, t0);
  ASSERT_TRUE(device.ok());
  // The queue store opens the same file (same migrations) without harm.
  auto queue = Store::open(path());
  ASSERT_TRUE(queue.ok()) << queue.error().en;
  EXPECT_TRUE((*queue)->verifyChain().ok());
  auto reopened = AccessStore::open(path());
  ASSERT_TRUE(reopened.ok());
  auto who = (*reopened)->authenticate(*device, t0);
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->role, ActorRole::Display);
}

TEST(AccessPolicyDefaults, UseLibsodiumInteractiveArgon2id) {
  AccessPolicy p;
  EXPECT_EQ(p.opsLimit, crypto_pwhash_OPSLIMIT_INTERACTIVE);
  EXPECT_EQ(p.memLimit, crypto_pwhash_MEMLIMIT_INTERACTIVE);
  EXPECT_EQ(crypto_pwhash_ALG_DEFAULT, crypto_pwhash_ALG_ARGON2ID13);
}

}  // namespace
}  // namespace lpse::store
