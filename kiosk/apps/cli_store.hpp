#pragma once
// Opening the configured database from the CLI, with the office's calendar
// and services (so numbering and projections match the server's).
#include "kiosk/config/config.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::apps {

inline store::StoreOptions storeOptions(const config::Config& c) {
  store::StoreOptions so;
  so.calendar = c.office.calendar;
  so.services = c.services;
  so.priority = c.priority;
  return so;
}

}  // namespace lpse::apps
