// libFuzzer target: hostile request bodies sent to the real server over
// loopback, with no credential and with a valid credential of every role,
// so the decoding that only runs behind authentication is exercised too
// (fuzz_request covers the decoders alone). Every input goes to every
// endpoint that reads a body, and into the ticket path: the server must
// answer each with a JSON body and a status below 500, and keep serving.
// In `make test` the replay driver sends the fuzz_request seed corpus (and
// a few mutations of it) this way.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "tests/support/live_server.hpp"
#include "tests/support/test_access.hpp"

namespace {

using namespace lpse;

struct Target {
  std::unique_ptr<testsupport::LiveServer> server;
  std::vector<std::pair<std::string, httplib::Headers>> callers;  // name, headers
  std::unique_ptr<httplib::Client> client;

  Target() {
    server::ServerOptions o;
    server = std::make_unique<testsupport::LiveServer>(o);
    callers.push_back({"none", {}});
    const std::pair<const char*, core::ActorRole> roles[] = {
        {"fuzz-kiosk", core::ActorRole::Kiosk},         {"fuzz-display", core::ActorRole::Display},
        {"fuzz-helpdesk", core::ActorRole::Helpdesk},   {"fuzz-adminppe", core::ActorRole::AdminPpe},
        {"fuzz-supervisor", core::ActorRole::Supervisor}, {"fuzz-admin", core::ActorRole::Admin}};
    for (const auto& [id, role] : roles) {
      auto c = testsupport::credentialFor(server->db(), id, role);
      callers.push_back({id, {{"Authorization", "Bearer " + c.token}}});
    }
    client = std::make_unique<httplib::Client>(server->url());
    client->set_read_timeout(10, 0);
    client->set_keep_alive(true);
    client->set_tcp_nodelay(true);  // else each POST waits 40 ms for a delayed ACK
  }
};

Target& target() {
  static Target t;
  return t;
}

void check(const httplib::Result& r) {
  if (!r) __builtin_trap();  // no answer: the server died or hung
  if (r->status >= 500) __builtin_trap();
  if (!r->body.empty() && !api::parseJson(r->body)) __builtin_trap();
}

std::string hex(const std::uint8_t* data, std::size_t size) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < size && out.size() < 24; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 15];
  }
  while (out.size() < 8) out += '0';
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const kBodyEndpoints[] = {
      "/api/tickets",       "/api/emails",  "/api/queues/helpdesk/next", "/api/queues/admin/next",
      "/api/cases/1/actions", "/api/devices/status", "/api/login", "/api/staff", "/api/device-accounts"};
  Target& t = target();
  const std::string body(reinterpret_cast<const char*>(data), size);
  const std::string ticket = "/api/tickets/" + hex(data, size);
  for (const auto& [name, headers] : t.callers) {
    for (const char* path : kBodyEndpoints) check(t.client->Post(path, headers, body, "application/json"));
    check(t.client->Get(ticket.c_str(), headers));
    check(t.client->Get((ticket + "/entry").c_str(), headers));
  }
  return 0;
}
