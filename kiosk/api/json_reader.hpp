#pragma once
// Strict reading of a JSON object: typed fields, required or not, unknown
// fields refused; the first problem is kept as an Error naming the field.
// Shared by the wire decoders (wire.cpp, wire_access.cpp).
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/error.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::api::detail {

using core::Error;
using core::makeError;
using nlohmann::json;

inline Error wrongType(const std::string& field, const char* want) {
  return makeError("wrong_type", "Kolom '" + field + "' harus berupa " + want + ".",
                   "Field '" + field + "' must be " + want + ".", field);
}
inline Error missingField(const std::string& field) {
  return makeError("missing_field", "Kolom '" + field + "' wajib ada.", "Field '" + field + "' is required.", field);
}
inline Error unknownField(const std::string& field) {
  return makeError("unknown_field", "Kolom '" + field + "' tidak dikenal.", "Field '" + field + "' is not known.",
                   field);
}
inline Error badValue(const std::string& field) {
  return makeError("bad_value", "Nilai kolom '" + field + "' tidak dikenal.",
                   "Field '" + field + "' has an unknown value.", field);
}

// Reads typed fields from an object and remembers the first problem.
class Reader {
 public:
  Reader(const json& j, std::set<std::string> known) : m_j(j) {
    if (!j.is_object()) {
      m_err = makeError("not_object", "Isi permintaan harus berupa objek JSON.", "The body must be a JSON object.");
      return;
    }
    for (const auto& [k, v] : j.items())
      if (!known.count(k) && !m_err) m_err = unknownField(k);
  }
  std::string str(const std::string& k, bool required = false) {
    if (m_err) return {};
    if (!m_j.contains(k)) {
      if (required) m_err = missingField(k);
      return {};
    }
    if (!m_j[k].is_string()) {
      m_err = wrongType(k, "teks/text");
      return {};
    }
    return m_j[k].get<std::string>();
  }
  std::int64_t i64(const std::string& k, bool required = false) {
    if (m_err) return 0;
    if (!m_j.contains(k)) {
      if (required) m_err = missingField(k);
      return 0;
    }
    const bool tooBig = m_j[k].is_number_unsigned() &&
                        m_j[k].get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX);
    if (!m_j[k].is_number_integer() || tooBig) {
      m_err = wrongType(k, "bilangan bulat/an integer");
      return 0;
    }
    return m_j[k].get<std::int64_t>();
  }
  bool boolean(const std::string& k) {
    if (m_err || !m_j.contains(k)) return false;
    if (!m_j[k].is_boolean()) {
      m_err = wrongType(k, "true/false");
      return false;
    }
    return m_j[k].get<bool>();
  }
  std::vector<std::string> strings(const std::string& k) {
    std::vector<std::string> out;
    if (m_err || !m_j.contains(k)) return out;
    if (!m_j[k].is_array()) {
      m_err = wrongType(k, "daftar teks/a list of text");
      return out;
    }
    for (const auto& v : m_j[k]) {
      if (!v.is_string()) {
        m_err = wrongType(k, "daftar teks/a list of text");
        return {};
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  template <class E, class F>
  E enumField(const std::string& k, F from, E fallback, bool required = false) {
    std::string s = str(k, required);
    if (m_err || s.empty()) return fallback;
    if (auto e = from(s)) return *e;
    m_err = badValue(k);
    return fallback;
  }
  std::vector<core::Document> documents(const std::string& k) {
    std::vector<core::Document> out;
    for (const auto& s : strings(k)) {
      if (auto d = core::documentFrom(s)) {
        out.push_back(*d);
      } else if (!m_err) {
        m_err = badValue(k);
      }
    }
    return out;
  }
  const std::optional<Error>& error() const { return m_err; }

 private:
  const json& m_j;
  std::optional<Error> m_err;
};

}  // namespace lpse::api::detail
