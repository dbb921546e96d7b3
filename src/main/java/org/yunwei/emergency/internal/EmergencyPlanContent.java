package org.yunwei.emergency.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a plan says, checked (see {@link EmergencyPlanDraft#content}): kept whole as one jsonb document, versioned whole, and
 * approved by its hash.
 */
public record EmergencyPlanContent(String title, String scenario, String applicationSystem, String site, LocalDate reviewDate,
		List<LevelCriterion> levels, List<ResponseRole> roles, List<ProcedureStep> steps) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	public EmergencyPlanContent {
		levels = List.copyOf(levels);
		roles = List.copyOf(roles);
		steps = List.copyOf(steps);
	}

	/** When an event is of this level: what the plan says it looks like. */
	public record LevelCriterion(EmergencyLevel level, String criteria) {
	}

	/** A role of the response organisation: who fills it, which post backs it up, how to reach them. */
	public record ResponseRole(String role, long personId, Long backupPostId, String contact) {
	}

	/** A step of the procedure: an event's checklist item. */
	public record ProcedureStep(ResponsePhase phase, String title, String ownerRole, Integer limitMinutes,
			String message) {
	}

	String json() {
		return JSON.writeValueAsString(this);
	}

	static EmergencyPlanContent fromJson(String json) {
		return JSON.readValue(json, EmergencyPlanContent.class);
	}

	/**
	 * The hex SHA-256 of what the plan says; an approval holds only for it. The review date is left out: moving it
	 * changes nothing that was approved.
	 */
	String hash() {
		String canonical = new EmergencyPlanContent(title, scenario, applicationSystem, site, null, levels, roles, steps).json();
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	Map<String, Object> audited() {
		Map<String, Object> audited = new LinkedHashMap<>();
		audited.put("title", title);
		audited.put("scenario", scenario);
		audited.put("applicationSystem", applicationSystem == null ? "" : applicationSystem);
		audited.put("site", site == null ? "" : site);
		audited.put("reviewDate", reviewDate.toString());
		audited.put("levels", levels.size());
		audited.put("roles", roles.size());
		audited.put("steps", steps.size());
		audited.put("hash", hash());
		return audited;
	}
}
