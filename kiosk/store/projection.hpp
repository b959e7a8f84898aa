#pragma once
// Applies one event to the `cases` projection. The live path and
// Store::rebuildProjection() both go through here, so the projection is by
// construction what the log says.
namespace lpse::store {
class Db;
struct EventRecord;
void project(Db& db, const EventRecord& e);
}  // namespace lpse::store
