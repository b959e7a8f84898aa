#include "kiosk/client/credential.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace lpse::client {

core::Result<Credential> readCredentialFile(const std::string& path) {
  std::ifstream in(path);
  std::string token;
  if (in) std::getline(in, token);
  while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
  if (token.empty())
    return core::makeError("credential_missing",
                           "Perangkat ini belum terdaftar di server (berkas kredensial " + path +
                               " tidak ada). Jalankan: lpse device add <id> --role <kiosk|display> --out " + path,
                           "This device is not registered with the server (no credential file " + path +
                               "). Run: lpse device add <id> --role <kiosk|display> --out " + path);
  return Credential{token};
}

core::Status writeCredentialFile(const std::string& path, const std::string& token) {
  std::error_code ec;
  auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const std::string line = token + "\n";
  bool ok = fd >= 0 && ::fchmod(fd, 0600) == 0 && ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  if (fd >= 0) ok = (::close(fd) == 0) && ok;
  if (!ok)
    return core::makeError("credential_write", "Berkas kredensial tidak dapat ditulis: " + path,
                           "Cannot write the credential file: " + path);
  return core::Ok{};
}

namespace {
std::string& trusted() {
  static std::string path;
  return path;
}
}  // namespace

void trustCertificate(const std::string& pemPath) { trusted() = pemPath; }
const std::string& trustedCertificate() { return trusted(); }

}  // namespace lpse::client
