import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Photos and videos uploaded from the admin panel for broadcasts (POST /api/v1/broadcasts/media). Bytes are
 * kept in the database, so every replica of the stateless app can send them, in 1 MB parts (MEDIUMBLOB),
 * below the server's max_allowed_packet (16 MB by default) whatever the file's size (up to 50 MB).
 * Queries: the upload looks for the same file by its hash (WHERE sha256 = ?, idx_broadcast_media_sha256);
 * the sender reads one file's parts by primary key (WHERE media_id = ? ORDER BY part_no) until the
 * client bot's file_id is known, then only the broadcast_media row.
 */
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class BroadcastMedia1764000012000 implements MigrationInterface {
  name = 'BroadcastMedia1764000012000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE broadcast_media (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        kind ENUM('photo', 'video') NOT NULL,
        mime_type VARCHAR(32) NOT NULL,
        file_name VARCHAR(128) NOT NULL,
        size_bytes INT UNSIGNED NOT NULL,
        sha256 CHAR(64) NOT NULL,
        telegram_file_id VARCHAR(255) NULL,
        uploaded_by_admin_id INT UNSIGNED NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        -- upload: the same file again? WHERE sha256 = ?
        KEY idx_broadcast_media_sha256 (sha256),
        CONSTRAINT fk_broadcast_media_uploaded_by_admin FOREIGN KEY (uploaded_by_admin_id)
          REFERENCES admins (id) ON DELETE SET NULL ON UPDATE RESTRICT
      ) ${TABLE_OPTIONS}`,
    );
    await queryRunner.query(
      `CREATE TABLE broadcast_media_parts (
        media_id INT UNSIGNED NOT NULL,
        part_no SMALLINT UNSIGNED NOT NULL,
        bytes MEDIUMBLOB NOT NULL,
        PRIMARY KEY (media_id, part_no),
        CONSTRAINT fk_broadcast_media_parts_media FOREIGN KEY (media_id)
          REFERENCES broadcast_media (id) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ${TABLE_OPTIONS}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE broadcast_media_parts');
    await queryRunner.query('DROP TABLE broadcast_media');
  }
}
