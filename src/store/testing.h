#pragma once
// Test helpers for every module: fresh temporary directories (removed at exit) and migrated
// SQLite databases.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/db.h"

namespace antoan::store::testing {

// Removes the directories made by fresh_temp_dir when the test binary exits.
struct TempDirCleaner {
  std::vector<std::filesystem::path> dirs;
  ~TempDirCleaner() {
    std::error_code ignored;
    for (const auto& d : dirs) std::filesystem::remove_all(d, ignored);
  }
};

// A new empty directory under the system temp dir, unique per process and call; removed at exit.
inline std::filesystem::path fresh_temp_dir(const std::string& tag) {
  static std::atomic<int> counter{0};
  static TempDirCleaner cleaner;
  auto dir = std::filesystem::temp_directory_path() /
             ("antoan_" + tag + "_" + std::to_string(getpid()) + "_" + std::to_string(++counter));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  cleaner.dirs.push_back(dir);
  return dir;
}

// A new migrated SQLite database in its own temp dir.
inline std::unique_ptr<store::Db> fresh_db(const std::string& tag) {
  auto path = fresh_temp_dir(tag) / "test.db";
  auto db = store::open_db(path.string());
  if (!db.ok()) return nullptr;
  return std::move(db).value();
}

}  // namespace antoan::store::testing
