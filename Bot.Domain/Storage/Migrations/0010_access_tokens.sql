-- One access token per app (Official Account, mini-program), shared by every instance: each
-- instance fetching its own would invalidate the others' (wechat-platform.md §5.3).
CREATE TABLE IF NOT EXISTS access_token (
  app_id VARCHAR(32) NOT NULL PRIMARY KEY,
  token VARCHAR(512) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  fetched_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
