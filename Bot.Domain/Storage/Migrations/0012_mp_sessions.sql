-- Mini-program sign-ins. Only the SHA-256 of the bearer token is kept, so a copy of this table
-- lets nobody in; WeChat's session_key is not kept at all (nothing here decrypts user data).
CREATE TABLE IF NOT EXISTS mp_session (
  token_hash CHAR(64) NOT NULL PRIMARY KEY,
  person_id BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  revoked_at DATETIME(6) NULL,
  KEY ix_session_person (person_id),
  CONSTRAINT fk_session_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
