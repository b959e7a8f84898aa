// `lpse staff ...` and `lpse device ...`: accounts and device credentials,
// on the database file (the server sees changes on its next request).
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>

#include "kiosk/apps/cli_command.hpp"
#include "kiosk/client/credential.hpp"
#include "kiosk/store/access_store.hpp"

namespace lpse::apps {

namespace {

std::int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

struct AccessArgs {
  std::string name, displayName, role, out;
  bool secretFromStdin = false;
};

// Reads a password or PIN: from a pipe as one line (scripts), from a
// terminal twice and without echo.
core::Result<std::string> readSecret(bool fromStdin) {
  auto line = [] {
    std::string s;
    std::getline(std::cin, s);
    return s;
  };
  if (fromStdin || !isatty(STDIN_FILENO)) return line();
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::fprintf(stderr, "Kata sandi atau PIN / Password or PIN: ");
  std::string a = line();
  std::fprintf(stderr, "\nUlangi / Again: ");
  std::string b = line();
  std::fprintf(stderr, "\n");
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  if (a != b) return core::makeError("secret_mismatch", "Kedua isian tidak sama.", "The two entries differ.");
  return a;
}

int withAccess(const CliContext& ctx, const std::function<int(store::AccessStore&)>& run) {
  auto cfg = ctx.config();
  if (!cfg) return fail(cfg.error());
  auto access = store::AccessStore::open(cfg->server.database);
  if (!access) return fail(access.error());
  return run(**access);
}

core::Result<core::ActorRole> roleArg(const std::string& s) {
  auto r = core::actorRoleFrom(s);
  if (!r) return core::makeError("bad_role", "Peran tidak dikenal: " + s, "Unknown role: " + s, "role");
  return *r;
}

int staffAdd(store::AccessStore& a, const AccessArgs& args) {
  auto role = roleArg(args.role);
  if (!role) return fail(role.error());
  auto secret = readSecret(args.secretFromStdin);
  if (!secret) return fail(secret.error());
  auto added = a.addStaff(args.name, args.displayName.empty() ? args.name : args.displayName, *role, *secret, nowMs());
  if (!added) return fail(added.error());
  std::printf("ok: staff %s (%s) added\n", added->username.c_str(), std::string(core::toString(added->role)).c_str());
  return 0;
}

int staffList(store::AccessStore& a) {
  for (const auto& s : a.listStaff())
    std::printf("%-20s %-11s %-9s %s\n", s.username.c_str(), std::string(core::toString(s.role)).c_str(),
                s.disabled ? "disabled" : "active", s.displayName.c_str());
  return 0;
}

int deviceAdd(store::AccessStore& a, const AccessArgs& args) {
  auto role = roleArg(args.role);
  if (!role) return fail(role.error());
  auto token = a.issueDeviceToken(args.name, *role, nowMs());
  if (!token) return fail(token.error());
  if (args.out.empty()) {
    std::printf("%s\n", token->c_str());
    return 0;
  }
  if (auto ok = client::writeCredentialFile(args.out, *token); !ok) return fail(ok.error());
  std::printf("ok: device %s (%s), token written to %s\n", args.name.c_str(), args.role.c_str(), args.out.c_str());
  return 0;
}

int deviceList(store::AccessStore& a) {
  for (const auto& d : a.listDevices())
    std::printf("%-20s %-8s %s\n", d.id.c_str(), std::string(core::toString(d.role)).c_str(),
                d.revoked ? "revoked" : "active");
  return 0;
}

int report(const core::Status& s, const std::string& what) {
  if (!s) return fail(s.error());
  std::printf("ok: %s\n", what.c_str());
  return 0;
}

}  // namespace

void registerAccessCommands(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<AccessArgs>();
  auto* staff = app.add_subcommand("staff", "Staff accounts (helpdesk, admin_ppe, supervisor, admin)")->require_subcommand(1);
  auto* add = staff->add_subcommand("add", "Add a staff member; asks for the password or PIN");
  add->add_option("username", args->name, "Sign-in name (3-32 of a-z 0-9 . _ -)")->required();
  add->add_option("--role", args->role, "helpdesk, admin_ppe, supervisor or admin")->required();
  add->add_option("--name", args->displayName, "Full name shown on the desk");
  add->add_flag("--password-stdin", args->secretFromStdin, "Read the password or PIN as one line from stdin");
  add->final_callback([&ctx, args] { ctx.exitCode = withAccess(ctx, [&](auto& a) { return staffAdd(a, *args); }); });

  auto* passwd = staff->add_subcommand("passwd", "Set a new password or PIN (ends the member's sessions)");
  passwd->add_option("username", args->name)->required();
  passwd->add_flag("--password-stdin", args->secretFromStdin, "Read the password or PIN as one line from stdin");
  passwd->final_callback([&ctx, args] {
    ctx.exitCode = withAccess(ctx, [&](auto& a) {
      auto secret = readSecret(args->secretFromStdin);
      if (!secret) return fail(secret.error());
      return report(a.setStaffSecret(args->name, *secret, nowMs()), "password changed for " + args->name);
    });
  });
  for (bool disable : {true, false}) {
    auto* cmd = staff->add_subcommand(disable ? "disable" : "enable",
                                      disable ? "Disable an account and end its sessions" : "Enable an account again");
    cmd->add_option("username", args->name)->required();
    cmd->final_callback([&ctx, args, disable] {
      ctx.exitCode = withAccess(ctx, [&](auto& a) {
        return report(a.setStaffDisabled(args->name, disable, nowMs()),
                      args->name + (disable ? " disabled" : " enabled"));
      });
    });
  }
  staff->add_subcommand("list", "List staff accounts")->final_callback([&ctx] {
    ctx.exitCode = withAccess(ctx, staffList);
  });

  auto* device = app.add_subcommand("device", "Kiosk and display credentials")->require_subcommand(1);
  auto* dadd = device->add_subcommand("add", "Register a device (or give it a new token); prints or writes the token");
  dadd->add_option("id", args->name, "Device id, e.g. kiosk-1")->required();
  dadd->add_option("--role", args->role, "kiosk or display")->required();
  dadd->add_option("--out", args->out, "Write the token to this file (mode 0600) instead of printing it");
  dadd->final_callback([&ctx, args] { ctx.exitCode = withAccess(ctx, [&](auto& a) { return deviceAdd(a, *args); }); });
  auto* revoke = device->add_subcommand("revoke", "Revoke a device's token at once");
  revoke->add_option("id", args->name)->required();
  revoke->final_callback([&ctx, args] {
    ctx.exitCode = withAccess(ctx, [&](auto& a) { return report(a.revokeDevice(args->name, nowMs()), args->name + " revoked"); });
  });
  device->add_subcommand("list", "List registered devices")->final_callback([&ctx] {
    ctx.exitCode = withAccess(ctx, deviceList);
  });
}

}  // namespace lpse::apps
