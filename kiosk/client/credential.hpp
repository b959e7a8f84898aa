#pragma once
// What a front-end shows the server: a bearer token. A kiosk or display
// reads its device token from a file written by `lpse device add`; a desk
// gets a session token by signing a staff member in.
#include <string>

#include "kiosk/core/error.hpp"

namespace lpse::client {

struct Credential {
  std::string token;  // "lpsed_..." (device) or "lpses_..." (staff session); empty = none
};

// Reads a device token file (one line). A missing, empty or unreadable file
// is an error naming the file and saying how to make one.
core::Result<Credential> readCredentialFile(const std::string& path);
// Writes a token file readable by its owner only (0600).
core::Status writeCredentialFile(const std::string& path, const std::string& token);

// HTTPS: the certificate (or CA) the server's certificate must chain to.
// Set once at start-up; every client made afterwards uses it.
void trustCertificate(const std::string& pemPath);
const std::string& trustedCertificate();

}  // namespace lpse::client
