-- Chat photos and voice notes live on WeChat for three days only (§8); the bot keeps its own copy.
-- A media id WeChat no longer knows is recorded here once, instead of being asked for forever.
CREATE TABLE IF NOT EXISTS media_fetch_failure (
  photo_id BIGINT NOT NULL PRIMARY KEY,
  error VARCHAR(300) NOT NULL,
  failed_at DATETIME(6) NOT NULL,
  CONSTRAINT fk_fetch_photo FOREIGN KEY (photo_id) REFERENCES demand_photo (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
