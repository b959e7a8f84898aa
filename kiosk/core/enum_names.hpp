#pragma once
// Name tables for the domain's enums: one place for the stable names used
// in the database, the wire format and config.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace lpse::core::detail {

template <class E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

template <class E, std::size_t N>
std::string_view nameOf(const NameTable<E, N>& table, E e) {
  for (const auto& [v, name] : table)
    if (v == e) return name;
  return "?";
}

template <class E, std::size_t N>
std::optional<E> valueOf(const NameTable<E, N>& table, std::string_view s) {
  for (const auto& [v, name] : table)
    if (name == s) return v;
  return std::nullopt;
}

}  // namespace lpse::core::detail
