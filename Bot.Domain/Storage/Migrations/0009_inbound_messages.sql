-- Every WeChat delivery, once: the platform retries an unanswered one up to three times, from any
-- instance's point of view. The key is MsgId for messages, sender+second+event for events (§3.3).
CREATE TABLE IF NOT EXISTS inbound_message (
  dedup_key VARCHAR(190) NOT NULL PRIMARY KEY,
  openid VARCHAR(64) NOT NULL,
  msg_type VARCHAR(40) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  state VARCHAR(12) NOT NULL,
  reply MEDIUMTEXT NULL,
  received_at DATETIME(6) NOT NULL,
  answered_at DATETIME(6) NULL,
  KEY ix_inbound_openid (openid, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
