#include "kiosk/core/error.hpp"

namespace lpse::core {

Error makeError(std::string code, std::string id, std::string en, std::string field) {
  return Error{std::move(code), std::move(field), std::move(id), std::move(en)};
}

}  // namespace lpse::core
