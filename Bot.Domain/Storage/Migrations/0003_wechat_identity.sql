-- A person may have an Official Account openid, a mini-program openid and a unionid, in any mix.
CREATE TABLE IF NOT EXISTS wechat_identity (
  person_id BIGINT NOT NULL PRIMARY KEY,
  oa_openid VARCHAR(64) NULL,
  mp_openid VARCHAR(64) NULL,
  unionid VARCHAR(64) NULL,
  updated_at DATETIME(6) NOT NULL,
  UNIQUE KEY ux_identity_oa (oa_openid),
  UNIQUE KEY ux_identity_mp (mp_openid),
  UNIQUE KEY ux_identity_union (unionid),
  CONSTRAINT fk_identity_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
