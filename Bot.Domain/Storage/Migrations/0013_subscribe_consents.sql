-- What a mini-program user agreed to receive (wechat-platform.md §7.2): each one-time "accept"
-- is one credit, spent by one subscribe message; a long-term consent is not spent.
CREATE TABLE IF NOT EXISTS subscribe_consent (
  person_id BIGINT NOT NULL,
  template_id VARCHAR(64) NOT NULL,
  credits INT NOT NULL DEFAULT 0,
  long_term TINYINT(1) NOT NULL DEFAULT 0,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (person_id, template_id),
  CONSTRAINT fk_consent_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
