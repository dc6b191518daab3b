// Raw SQLite baseline for durable report ingestion: the same reports table and the same
// durability as `antoan serve` (WAL, synchronous=FULL, one fsync'd commit before an answer),
// without HTTP, JSON, routing, cases, audit or encryption.
//   ingest_baseline N DBPATH        one transaction per report (each durable on its own)
//   ingest_baseline N DBPATH BATCH  BATCH reports per transaction (the best group commit can do)
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: ingest_baseline N DBPATH [BATCH]\n");
    return 2;
  }
  long n = std::atol(argv[1]);
  long batch = argc > 3 ? std::atol(argv[3]) : 1;
  std::remove(argv[2]);
  sqlite3* db = nullptr;
  if (sqlite3_open(argv[2], &db) != SQLITE_OK) return 1;
  sqlite3_exec(db,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
               "CREATE TABLE reports (id INTEGER PRIMARY KEY, category TEXT NOT NULL, description TEXT NOT NULL,"
               " area_code TEXT NOT NULL, lat REAL, lon REAL, channel TEXT NOT NULL, receipt_hash TEXT NOT NULL UNIQUE,"
               " created_at BIGINT NOT NULL)",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO reports (category, description, area_code, lat, lon, channel, receipt_hash, created_at)"
                     " VALUES ('wages', ?1, '24', 21.1, 106.0, 'api', ?2, ?3)", -1, &insert, nullptr);
  auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < n; i += batch) {
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (long j = i; j < i + batch && j < n; ++j) {
      std::string text = "Công ty nợ lương tháng 10 của công nhân chuyền " + std::to_string(j);
      std::string receipt = "baseline-" + std::to_string(j);
      sqlite3_bind_text(insert, 1, text.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, 2, receipt.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(insert, 3, j);
      if (sqlite3_step(insert) != SQLITE_DONE) return 1;
      sqlite3_reset(insert);
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return 1;
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("baseline: %ld reports, %ld per transaction, %.2f s, %.0f reports/s\n", n, batch, s, n / s);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return 0;
}
