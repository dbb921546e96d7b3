package org.yunwei.sla.internal.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.yunwei.sla.Priority;
import org.yunwei.sla.ServiceLevelTarget;

/**
 * The SLA editor's form as the browser sends it: durations as hours and minutes, thresholds and service ids as typed
 * text, a fixed row per priority and a few escalation rows of which the blank ones mean nothing. A bean rather than a
 * record so that the indexed rows bind without a constructor per level.
 */
public class AgreementForm {

	static final int BLANK_ESCALATION_ROWS = 3;
	private static final Pattern SEPARATORS = Pattern.compile("[,，;；\\s]+");
	private static final Pattern ESCALATION_FIELD = Pattern.compile("^escalations\\[(\\d+)](.*)$");
	private static final Pattern TARGET_FIELD = Pattern.compile("^targets\\[(\\d+)]\\.(response|resolution)(.*)$");

	private String code;
	private String name;
	private Long providerPartyId;
	private Long customerOrgUnitId;
	private boolean defaultAgreement;
	private Long calendarId;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate validFrom;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate validTo;
	private boolean enabled = true;
	private String serviceIds;
	private Integer version;
	private List<TargetRow> targets = new ArrayList<>();
	private List<EscalationRow> escalations = new ArrayList<>();
	/** For each escalation of the draft, the form row it came from: blank rows are left out of the draft. */
	private final List<Integer> escalationRows = new ArrayList<>();

	/** An empty editor: one row per priority with the default thresholds, and blank escalation rows. */
	static AgreementForm blank() {
		AgreementForm form = new AgreementForm();
		for (Priority p : Priority.values()) {
			TargetRow row = new TargetRow();
			row.setPriority(p.name());
			row.setResponseBasis("BUSINESS");
			row.setResolutionBasis("BUSINESS");
			row.setThresholds(joined(ServiceLevelTarget.DEFAULT_THRESHOLDS));
			form.targets.add(row);
		}
		return form.withBlankEscalationRows();
	}

	static AgreementForm of(AgreementView a) {
		AgreementForm form = new AgreementForm();
		form.code = a.code();
		form.name = a.name();
		form.providerPartyId = a.providerPartyId();
		form.customerOrgUnitId = a.customerOrgUnitId();
		form.defaultAgreement = a.defaultAgreement();
		form.calendarId = a.calendarId();
		form.validFrom = a.validFrom();
		form.validTo = a.validTo();
		form.enabled = a.enabled();
		form.version = a.version();
		form.serviceIds = joined(a.serviceIds());
		for (TargetTerms t : a.targets()) {
			TargetRow row = new TargetRow();
			row.setPriority(t.priority());
			row.setResponseHours(Math.toIntExact(t.responseMinutes() / 60));
			row.setResponseMinutes(Math.toIntExact(t.responseMinutes() % 60));
			row.setResponseBasis(t.responseBasis());
			row.setResolutionHours(Math.toIntExact(t.resolutionMinutes() / 60));
			row.setResolutionMinutes(Math.toIntExact(t.resolutionMinutes() % 60));
			row.setResolutionBasis(t.resolutionBasis());
			row.setThresholds(joined(t.thresholds()));
			form.targets.add(row);
		}
		for (EscalationTerms e : a.escalations()) {
			EscalationRow row = new EscalationRow();
			row.setPriority(e.priority());
			row.setThresholdPercent(e.thresholdPercent());
			row.setOrder(e.order());
			row.setKind(e.kind());
			row.setTarget(e.target());
			form.escalations.add(row);
		}
		return form.withBlankEscalationRows();
	}

	AgreementForm withBlankEscalationRows() {
		long blank = escalations.stream().filter(EscalationRow::blank).count();
		for (long i = blank; i < BLANK_ESCALATION_ROWS; i++) {
			escalations.add(new EscalationRow());
		}
		return this;
	}

	/**
	 * The draft this form asks for; text that cannot be read (thresholds, service ids) is reported in
	 * {@code unreadable} under the field the page shows it beside.
	 */
	AgreementDraft toDraft(Map<String, String> unreadable) {
		List<TargetTerms> terms = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			TargetRow row = targets.get(i);
			List<Integer> thresholds = null;
			try {
				thresholds = numbers(row.getThresholds()).stream().map(Long::intValue).toList();
			}
			catch (NumberFormatException | ArithmeticException e) {
				unreadable.putIfAbsent("targets." + row.getPriority() + ".thresholds", "agreements.thresholds.invalid");
			}
			terms.add(new TargetTerms(row.getPriority(), minutes(row.getResponseHours(), row.getResponseMinutes()),
					row.getResponseBasis(), minutes(row.getResolutionHours(), row.getResolutionMinutes()),
					row.getResolutionBasis(), thresholds));
		}
		List<EscalationTerms> steps = new ArrayList<>();
		escalationRows.clear();
		for (int i = 0; i < escalations.size(); i++) {
			EscalationRow row = escalations.get(i);
			if (!row.blank()) {
				escalationRows.add(i);
				steps.add(new EscalationTerms(row.getPriority(), row.getThresholdPercent(), row.getOrder(),
						row.getKind(), row.getTarget()));
			}
		}
		List<Long> services = null;
		try {
			services = numbers(serviceIds);
		}
		catch (NumberFormatException e) {
			unreadable.putIfAbsent("serviceIds", "agreements.service.ids.unreadable");
		}
		return new AgreementDraft(code, name, providerPartyId, customerOrgUnitId, defaultAgreement, calendarId,
				validFrom, validTo, enabled, services, terms, steps, version);
	}

	/**
	 * The name on the page of a field named in an error: escalation errors are renumbered to the form's rows,
	 * hour/minute inputs of a target answer for its duration ({@code targets[1].responseHours} →
	 * {@code targets.P2.response}).
	 */
	String pageField(String field) {
		Matcher target = TARGET_FIELD.matcher(field);
		if (target.matches()) {
			int row = Integer.parseInt(target.group(1));
			String priority = row < targets.size() ? targets.get(row).getPriority() : "P" + (row + 1);
			return "targets." + priority + "." + target.group(2);
		}
		Matcher escalation = ESCALATION_FIELD.matcher(field);
		if (escalation.matches() && !escalationRows.isEmpty()) {
			int index = Integer.parseInt(escalation.group(1));
			if (index < escalationRows.size()) {
				return "escalations[" + escalationRows.get(index) + "]" + escalation.group(2);
			}
		}
		return field;
	}

	private static Long minutes(Integer hours, Integer minutes) {
		if (hours == null && minutes == null) {
			return null;
		}
		return (hours == null ? 0L : hours.longValue()) * 60 + (minutes == null ? 0L : minutes.longValue());
	}

	private static List<Long> numbers(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return Arrays.stream(SEPARATORS.split(text.strip())).map(Long::valueOf).toList();
	}

	private static String joined(List<? extends Number> values) {
		return String.join(", ", values.stream().map(String::valueOf).toList());
	}

	public String getCode() { return code; }
	public void setCode(String code) { this.code = code; }
	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public Long getProviderPartyId() { return providerPartyId; }
	public void setProviderPartyId(Long providerPartyId) { this.providerPartyId = providerPartyId; }
	public Long getCustomerOrgUnitId() { return customerOrgUnitId; }
	public void setCustomerOrgUnitId(Long customerOrgUnitId) { this.customerOrgUnitId = customerOrgUnitId; }
	public boolean isDefaultAgreement() { return defaultAgreement; }
	public void setDefaultAgreement(boolean defaultAgreement) { this.defaultAgreement = defaultAgreement; }
	public Long getCalendarId() { return calendarId; }
	public void setCalendarId(Long calendarId) { this.calendarId = calendarId; }
	public LocalDate getValidFrom() { return validFrom; }
	public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
	public LocalDate getValidTo() { return validTo; }
	public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
	public boolean isEnabled() { return enabled; }
	public void setEnabled(boolean enabled) { this.enabled = enabled; }
	public String getServiceIds() { return serviceIds; }
	public void setServiceIds(String serviceIds) { this.serviceIds = serviceIds; }
	public Integer getVersion() { return version; }
	public void setVersion(Integer version) { this.version = version; }
	public List<TargetRow> getTargets() { return targets; }
	public void setTargets(List<TargetRow> targets) { this.targets = targets; }
	public List<EscalationRow> getEscalations() { return escalations; }
	public void setEscalations(List<EscalationRow> escalations) { this.escalations = escalations; }

	/** One priority's row of the target table. */
	public static class TargetRow {

		private String priority;
		private Integer responseHours;
		private Integer responseMinutes;
		private String responseBasis;
		private Integer resolutionHours;
		private Integer resolutionMinutes;
		private String resolutionBasis;
		private String thresholds;

		public String getPriority() { return priority; }
		public void setPriority(String priority) { this.priority = priority; }
		public Integer getResponseHours() { return responseHours; }
		public void setResponseHours(Integer responseHours) { this.responseHours = responseHours; }
		public Integer getResponseMinutes() { return responseMinutes; }
		public void setResponseMinutes(Integer responseMinutes) { this.responseMinutes = responseMinutes; }
		public String getResponseBasis() { return responseBasis; }
		public void setResponseBasis(String responseBasis) { this.responseBasis = responseBasis; }
		public Integer getResolutionHours() { return resolutionHours; }
		public void setResolutionHours(Integer resolutionHours) { this.resolutionHours = resolutionHours; }
		public Integer getResolutionMinutes() { return resolutionMinutes; }
		public void setResolutionMinutes(Integer resolutionMinutes) { this.resolutionMinutes = resolutionMinutes; }
		public String getResolutionBasis() { return resolutionBasis; }
		public void setResolutionBasis(String resolutionBasis) { this.resolutionBasis = resolutionBasis; }
		public String getThresholds() { return thresholds; }
		public void setThresholds(String thresholds) { this.thresholds = thresholds; }
	}

	/** One escalation step row; a row left blank is no step. */
	public static class EscalationRow {

		private String priority;
		private Integer thresholdPercent;
		private Integer order;
		private String kind;
		private String target;

		boolean blank() {
			return (priority == null || priority.isBlank()) && thresholdPercent == null && order == null
					&& (kind == null || kind.isBlank()) && (target == null || target.isBlank());
		}

		public String getPriority() { return priority; }
		public void setPriority(String priority) { this.priority = priority; }
		public Integer getThresholdPercent() { return thresholdPercent; }
		public void setThresholdPercent(Integer thresholdPercent) { this.thresholdPercent = thresholdPercent; }
		public Integer getOrder() { return order; }
		public void setOrder(Integer order) { this.order = order; }
		public String getKind() { return kind; }
		public void setKind(String kind) { this.kind = kind; }
		public String getTarget() { return target; }
		public void setTarget(String target) { this.target = target; }
	}
}
