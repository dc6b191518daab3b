#pragma once
// Photo attachments on cases: officers add them to a case they may message; reporters add
// them with their receipt (at most kMaxReporterPhotos per case). Every image is cleaned
// (attachments/image.h) before it is stored; nothing of the upload other than the cleaned
// pixels is kept. Reading one needs case_view on its case.
#include <cstdint>
#include <string>

#include "core/json.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::attachments {

constexpr int kMaxReporterPhotos = 10;

struct StoredImage {
  std::string mime;
  std::string bytes;
};

class AttachmentService {
 public:
  explicit AttachmentService(store::Db& db) : db_(db) {}
  Result<Json> add_by_officer(const security::Principal& p, std::int64_t case_id, std::string_view bytes);
  Result<Json> add_by_reporter(std::int64_t case_id, std::string_view bytes);
  Result<Json> list(const security::Principal& p, std::int64_t case_id);
  Result<StoredImage> get(const security::Principal& p, std::int64_t id, bool thumb);

 private:
  Result<Json> store(std::int64_t case_id, std::string_view bytes, const security::Principal* p);
  store::Db& db_;
};

}  // namespace antoan::attachments
