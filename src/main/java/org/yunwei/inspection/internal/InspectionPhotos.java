package org.yunwei.inspection.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads {@code inspection_photo}. */
@Repository
public class InspectionPhotos {

	/** A photo without its bytes. */
	public record Photo(long id, long taskId, String itemKey, String fileName, String mediaType, int size,
			LocalDateTime takenAt, Double latitude, Double longitude, Instant uploadedAt) {
	}

	private static final RowMapper<Photo> PHOTO = (rs, n) -> {
		Timestamp taken = rs.getTimestamp("taken_at");
		return new Photo(rs.getLong("id"), rs.getLong("task_id"), rs.getString("item_key"), rs.getString("file_name"),
				rs.getString("media_type"), rs.getInt("size"), taken == null ? null : taken.toLocalDateTime(),
				rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
				rs.getTimestamp("uploaded_at").toInstant());
	};

	private final JdbcClient jdbc;

	InspectionPhotos(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the photo unless the same bytes are kept for the item already; the photo's id either way. */
	long insertOnce(long taskId, String itemKey, String fileName, String mediaType, byte[] content, String sha256,
			PhotoExif.Evidence evidence, long userId) {
		Optional<Long> inserted = jdbc.sql("""
				insert into inspection_photo (task_id, item_key, file_name, media_type, size, sha256, content, taken_at,
				  latitude, longitude, uploaded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (task_id, item_key, sha256) do nothing returning id""")
			.params(taskId, itemKey, fileName, mediaType, content.length, sha256, content,
					evidence.takenAt() == null ? null : Timestamp.valueOf(evidence.takenAt()), evidence.latitude(),
					evidence.longitude(), userId)
			.query(Long.class).optional();
		return inserted.orElseGet(() -> jdbc.sql("""
				select id from inspection_photo where task_id = ? and item_key = ? and sha256 = ?""")
			.params(taskId, itemKey, sha256).query(Long.class).single());
	}

	int count(long taskId, String itemKey) {
		return jdbc.sql("select count(*) from inspection_photo where task_id = ? and item_key = ?")
			.params(taskId, itemKey).query(Integer.class).single();
	}

	List<Photo> of(long taskId) {
		return jdbc.sql("""
				select id, task_id, item_key, file_name, media_type, size, taken_at, latitude, longitude, uploaded_at
				from inspection_photo where task_id = ? order by item_key, id""").param(taskId).query(PHOTO).list();
	}

	Optional<Photo> find(long id) {
		return jdbc.sql("""
				select id, task_id, item_key, file_name, media_type, size, taken_at, latitude, longitude, uploaded_at
				from inspection_photo where id = ?""").param(id).query(PHOTO).optional();
	}

	byte[] content(long id) {
		return jdbc.sql("select content from inspection_photo where id = ?").param(id).query(byte[].class).single();
	}
}
