-- Photos attached to cases by reporters (with their receipt) and officers. Only the cleaned
-- re-encoded image is kept (no EXIF/GPS/XMP/ICC comments, no original file name).
CREATE TABLE attachments (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  uploader_kind TEXT NOT NULL,      -- reporter | user
  user_id BIGINT,
  mime TEXT NOT NULL,               -- image/jpeg | image/png | image/webp (decided from the bytes)
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  size_bytes BIGINT NOT NULL,
  data {{blob}} NOT NULL,
  thumb {{blob}} NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX attachments_case ON attachments(case_id, id);
