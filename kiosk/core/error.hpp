#pragma once
// Errors as values: every error that can reach a person carries a stable
// code (for programs and tests) and a sentence in Indonesian and English.
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace lpse::core {

struct Error {
  std::string code;   // stable, machine-readable, e.g. "nip_birth_date"
  std::string field;  // the input field at fault, empty when none
  std::string id;     // message in Bahasa Indonesia
  std::string en;     // message in English

  const std::string& message(std::string_view lang) const { return lang == "en" ? en : id; }
};

Error makeError(std::string code, std::string id, std::string en, std::string field = {});

// A value or an Error. Small on purpose: C++20 has no std::expected.
template <class T>
class Result {
 public:
  Result(T value) : m_v(std::move(value)) {}
  Result(Error error) : m_v(std::move(error)) {}
  bool ok() const { return m_v.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(m_v); }
  const T& value() const { return std::get<0>(m_v); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(m_v); }

 private:
  std::variant<T, Error> m_v;
};

// For operations with no value.
struct Ok {};
using Status = Result<Ok>;

}  // namespace lpse::core
