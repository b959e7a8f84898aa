#pragma once
// Schema migrations, applied in order inside one transaction each;
// PRAGMA user_version records how far a database has come.
namespace lpse::store {
class Db;
// Brings the database to the newest schema. Returns the version reached.
int migrate(Db& db);
int latestSchemaVersion();
}  // namespace lpse::store
