#include "attachments/attachment_service.h"

#include "attachments/image.h"
#include "cases/case_scope.h"
#include "core/clock.h"
#include "security/audit.h"
#include "security/policy.h"
#include "security/projection.h"

namespace antoan::attachments {
namespace {
using security::Action;

Json attachment_json(std::int64_t id, const std::string& mime, std::int64_t w, std::int64_t h, std::int64_t size,
                     const std::string& uploader, EpochMs at) {
  return {{"id", id},     {"mime", mime},         {"width", w},
          {"height", h},  {"size", size},         {"uploaded_by", uploader},
          {"created_at", format_iso8601(at)},     {"url", "/api/v1/attachments/" + std::to_string(id)},
          {"thumb_url", "/api/v1/attachments/" + std::to_string(id) + "?thumb=1"}};
}
}  // namespace

Result<Json> AttachmentService::add_by_officer(const security::Principal& p, std::int64_t case_id,
                                               std::string_view bytes) {
  ANTOAN_TRY(cases::load_case_for(db_, p, case_id, Action::case_message));
  ANTOAN_ASSIGN(Json j, store(case_id, bytes, &p));
  return security::project(p, security::View::attachment, std::move(j));
}

Result<Json> AttachmentService::add_by_reporter(std::int64_t case_id, std::string_view bytes) {
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT count(*) FROM attachments WHERE case_id = $1 AND uploader_kind = 'reporter'",
                                     {case_id}));
  if (rows[0].i64(0) >= kMaxReporterPhotos)
    return Error::conflict("Đã đủ 10 ảnh cho phản ánh này", "This report already has 10 photos", "file");
  return store(case_id, bytes, nullptr);
}

Result<Json> AttachmentService::store(std::int64_t case_id, std::string_view bytes, const security::Principal* p) {
  if (bytes.empty()) return Error::invalid("file", "Chưa có ảnh", "No image was sent");
  ANTOAN_ASSIGN(CleanImage img, clean_image(bytes));
  std::string uploader = p ? "user" : "reporter";
  std::string mime(mime_of(img.type));
  EpochMs now = now_ms();
  std::int64_t id = 0;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO attachments (case_id, uploader_kind, user_id, mime, width, height, "
                                      "size_bytes, data, thumb, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                                      "$9, $10) RETURNING id",
                                      {case_id, uploader, p ? store::Value(p->user_id) : store::Value(nullptr), mime,
                                       std::int64_t{img.width}, std::int64_t{img.height},
                                       static_cast<std::int64_t>(img.data.size()), img.data, img.thumb, now}));
    id = rows[0].i64(0);
    ANTOAN_TRY(tx.exec("INSERT INTO case_events (case_id, at, actor_kind, actor_user_id, kind, body, "
                       "visible_to_reporter) VALUES ($1, $2, $3, $4, 'attachment', $5, $6)",
                       {case_id, now, uploader, p ? store::Value(p->user_id) : store::Value(nullptr),
                        "#" + std::to_string(id), std::int64_t{p ? 0 : 1}}));
    ANTOAN_TRY(tx.exec("UPDATE cases SET updated_at = $1 WHERE id = $2", {now, case_id}));
    Json details = {{"attachment_id", id}, {"mime", mime}, {"size", img.data.size()}};
    return security::append_audit(
        tx, p ? security::AuditEntry::by(*p, "attachment.add", "case", std::to_string(case_id), details)
              : security::AuditEntry{std::nullopt, "reporter", "attachment.add", "case", std::to_string(case_id), details});
  }));
  return attachment_json(id, mime, img.width, img.height, static_cast<std::int64_t>(img.data.size()), uploader, now);
}

Result<Json> AttachmentService::list(const security::Principal& p, std::int64_t case_id) {
  ANTOAN_TRY(cases::load_case_for(db_, p, case_id, Action::case_view));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT id, mime, width, height, size_bytes, uploader_kind, created_at "
                                     "FROM attachments WHERE case_id = $1 ORDER BY id",
                                     {case_id}));
  Json items = Json::array();
  for (const auto& r : rows)
    items.push_back(attachment_json(r.i64(0), r.str(1), r.i64(2), r.i64(3), r.i64(4), r.str(5), r.i64(6)));
  items = security::project_list(p, security::View::attachment, items);
  return Json{{"items", items}, {"count", items.size()}};
}

Result<StoredImage> AttachmentService::get(const security::Principal& p, std::int64_t id, bool thumb) {
  ANTOAN_ASSIGN(auto meta, db_.query("SELECT case_id, uploader_kind FROM attachments WHERE id = $1", {id}));
  if (meta.empty()) return Error::not_found("ảnh", "Attachment");
  auto visible = cases::load_case_for(db_, p, meta[0].i64(0), Action::case_view);
  // The same rule as in lists: a photo the viewer's projection hides is not there for them.
  Json as_listed = security::project(p, security::View::attachment, {{"id", id}, {"uploaded_by", meta[0].str(1)}});
  if (!visible.ok() || as_listed.is_null()) return Error::not_found("ảnh", "Attachment");
  ANTOAN_ASSIGN(auto rows, db_.query(thumb ? "SELECT mime, thumb FROM attachments WHERE id = $1"
                                           : "SELECT mime, data FROM attachments WHERE id = $1",
                                     {id}));
  return StoredImage{rows[0].str(0), rows[0].str(1)};
}

}  // namespace antoan::attachments
