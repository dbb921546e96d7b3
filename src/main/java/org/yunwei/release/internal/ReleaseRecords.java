package org.yunwei.release.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.release.internal.Release.ReleaseDeployment;
import org.yunwei.release.internal.Release.ReleasedChange;
import org.yunwei.release.internal.Release.ReleaseItem;
import org.yunwei.web.RejectedRequest;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads {@code release_record} and numbers releases through {@code release_number_counter}. */
@Repository
class ReleaseRecords {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<ReleaseItem>> ITEMS = new TypeReference<>() {
	};
	private static final TypeReference<List<ReleasedChange>> CHANGES = new TypeReference<>() {
	};
	private static final TypeReference<List<Release.ReleaseNewItem>> NEW_ITEMS = new TypeReference<>() {
	};
	private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
	};
	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	static final String COLUMNS = """
			id, number, version, status, release_type, title, release_version, cis, customer_unit_ids, changes, plan,
			planned_at, known_errors, provider_party_id, requester_id, approval_policy_id, approval_request_id,
			submitted_hash, submitted_at, approved_at, decision_note, deployment, completion_note, completed_by,
			completed_at, cmdb_updates, new_items, created_at, updated_at""";

	private final JdbcClient jdbc;

	ReleaseRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number of the day, e.g. {@code REL-20261207-0001}, under the day's counter row lock. */
	String nextNumber(LocalDate day) {
		int last = jdbc.sql("""
				insert into release_number_counter (day, last) values (?, 1)
				on conflict (day) do update set last = release_number_counter.last + 1 returning last""")
			.param(day).query(Integer.class).single();
		return "REL-" + DAY.format(day) + "-" + (last < 10000 ? "%04d".formatted(last) : String.valueOf(last));
	}

	long insert(Release r) {
		return jdbc.sql("""
				insert into release_record (number, status, release_type, title, release_version, ci_ids, cis,
				  customer_unit_ids, change_ids, changes, plan, planned_at, known_errors, provider_party_id,
				  requester_id)
				values (?, ?, ?, ?, ?, cast(? as bigint[]), cast(? as jsonb), cast(? as bigint[]), cast(? as bigint[]),
				  cast(? as jsonb), ?, ?, ?, ?, ?) returning id""")
			.params(r.number(), r.status().name(), r.type().name(), r.title(), r.releaseVersion(), array(r.ciIds()),
					JSON.writeValueAsString(r.items()), array(r.customerUnitIds()), array(r.changeIds()),
					JSON.writeValueAsString(r.changes()), r.plan(), timestamp(r.plannedAt()), r.knownErrors(),
					r.providerPartyId(), r.requesterId())
			.query(Long.class).single();
	}

	/** Writes a loaded release back; 409 when someone else changed it meanwhile (its version moved on). */
	void update(Release r) {
		int updated = jdbc.sql("""
				update release_record set status = ?, release_type = ?, title = ?, release_version = ?,
				  ci_ids = cast(? as bigint[]), cis = cast(? as jsonb), customer_unit_ids = cast(? as bigint[]),
				  change_ids = cast(? as bigint[]), changes = cast(? as jsonb), plan = ?, planned_at = ?,
				  known_errors = ?, approval_policy_id = ?, approval_request_id = ?, submitted_hash = ?,
				  submitted_at = ?, approved_at = ?, decision_note = ?, deployment = cast(? as jsonb),
				  deployed_at = ?, completion_note = ?, completed_by = ?, completed_at = ?,
				  cmdb_updates = cast(? as jsonb), new_items = cast(? as jsonb), version = version + 1,
				  updated_at = now()
				where id = ? and version = ?""")
			.params(r.status().name(), r.type().name(), r.title(), r.releaseVersion(), array(r.ciIds()),
					JSON.writeValueAsString(r.items()), array(r.customerUnitIds()), array(r.changeIds()),
					JSON.writeValueAsString(r.changes()), r.plan(), timestamp(r.plannedAt()), r.knownErrors(),
					r.approvalPolicyId(), r.approvalRequestId(), r.submittedHash(), timestamp(r.submittedAt()),
					timestamp(r.approvedAt()), r.decisionNote(),
					r.deployment() == null ? null : JSON.writeValueAsString(r.deployment()),
					r.deployment() == null ? null : timestamp(r.deployment().endedAt()), r.completionNote(),
					r.completedBy(), timestamp(r.completedAt()), JSON.writeValueAsString(r.cmdbUpdates()),
					JSON.writeValueAsString(r.newItems()), r.id(),
					r.version())
			.update();
		if (updated != 1) {
			throw RejectedRequest.conflict("release-changed-meanwhile", "release.changed-meanwhile");
		}
	}

	Optional<Release> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from release_record where id = ?").param(id)
			.query((rs, n) -> read(rs)).optional();
	}

	/** The release, its row locked until the transaction ends (decisions arriving as events). */
	Optional<Release> findForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from release_record where id = ? for update").param(id)
			.query((rs, n) -> read(rs)).optional();
	}

	static Release read(ResultSet rs) throws SQLException {
		Release.Builder b = new Release.Builder();
		b.id = rs.getLong("id");
		b.number = rs.getString("number");
		b.version = rs.getInt("version");
		b.status = ReleaseStatus.valueOf(rs.getString("status"));
		b.type = ReleaseType.valueOf(rs.getString("release_type"));
		b.title = rs.getString("title");
		b.releaseVersion = rs.getString("release_version");
		b.items = JSON.readValue(rs.getString("cis"), ITEMS);
		b.customerUnitIds = longs(rs.getArray("customer_unit_ids"));
		b.changes = JSON.readValue(rs.getString("changes"), CHANGES);
		b.plan = rs.getString("plan");
		b.plannedAt = instant(rs, "planned_at");
		b.knownErrors = rs.getString("known_errors");
		b.providerPartyId = rs.getObject("provider_party_id", Long.class);
		b.requesterId = rs.getLong("requester_id");
		b.approvalPolicyId = rs.getObject("approval_policy_id", Long.class);
		b.approvalRequestId = rs.getObject("approval_request_id", Long.class);
		b.submittedHash = rs.getString("submitted_hash");
		b.submittedAt = instant(rs, "submitted_at");
		b.approvedAt = instant(rs, "approved_at");
		b.decisionNote = rs.getString("decision_note");
		String deployment = rs.getString("deployment");
		b.deployment = deployment == null ? null : JSON.readValue(deployment, ReleaseDeployment.class);
		b.completionNote = rs.getString("completion_note");
		b.completedBy = rs.getObject("completed_by", Long.class);
		b.completedAt = instant(rs, "completed_at");
		b.cmdbUpdates = JSON.readValue(rs.getString("cmdb_updates"), TEXTS);
		b.newItems = JSON.readValue(rs.getString("new_items"), NEW_ITEMS);
		b.createdAt = instant(rs, "created_at");
		b.updatedAt = instant(rs, "updated_at");
		return b.build();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static List<Long> longs(java.sql.Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Long[]) array.getArray()).toList();
	}

	/** Ids as one array literal: JdbcClient would spread a Java array over several placeholders. */
	static String array(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	static Timestamp timestamp(Instant value) {
		return value == null ? null : Timestamp.from(value);
	}

	/** Dates a generated release as its data, not as the run that wrote it, so that two runs write the same rows. */
	void dated(long id, Instant createdAt, Instant updatedAt) {
		jdbc.sql("update release_record set created_at = ?, updated_at = ? where id = ?")
			.params(timestamp(createdAt), timestamp(updatedAt), id).update();
	}

	/** Raises a day's number counter to at least {@code last} (numbers the generator gave). */
	void counted(LocalDate day, int last) {
		jdbc.sql("""
				insert into release_number_counter (day, last) values (?, ?)
				on conflict (day) do update set last = greatest(release_number_counter.last, excluded.last)""")
			.params(java.sql.Date.valueOf(day), last).update();
	}

	/** The largest number each day has given, for a generator to continue. */
	java.util.Map<LocalDate, Integer> counters() {
		java.util.Map<LocalDate, Integer> all = new java.util.TreeMap<>();
		jdbc.sql("select day, last from release_number_counter")
			.query((rs, n) -> all.put(rs.getDate(1).toLocalDate(), rs.getInt(2))).list();
		return all;
	}
}
