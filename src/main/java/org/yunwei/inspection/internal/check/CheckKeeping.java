package org.yunwei.inspection.internal.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.crypto.FieldCipher;
import org.yunwei.identity.Actor;
import org.yunwei.identity.PartyKind;
import org.yunwei.inspection.internal.InspectionAccess;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Keeping automated checks: a new one of the keeper's party (the keeper is its owner and hears of failures that
 * carry no incident), a change, pause and resume. A check is checked whole before anything is written; the database
 * password is sealed with the installation's field key, bound to the check, and never answered.
 */
@Service
public class CheckKeeping {

	static final int NAME_MAX = 200;
	static final int TARGET_MAX = 500;
	static final int TEXT_MAX = 500;
	static final int DEFAULT_INTERVAL = 300;
	static final int DEFAULT_TIMEOUT = 5000;
	static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$|^\\[?[0-9A-Fa-f:.]{2,45}]?$");

	private final AutomatedChecks checks;
	private final InspectionAccess access;
	private final ConfigurationItems items;
	private final FieldCipher cipher;
	private final AuditTrail audit;

	CheckKeeping(AutomatedChecks checks, InspectionAccess access, ConfigurationItems items, FieldCipher cipher,
			AuditTrail audit) {
		this.checks = checks;
		this.access = access;
		this.items = items;
		this.cipher = cipher;
		this.audit = audit;
	}

	@Transactional
	public long create(AutomatedCheckDraft draft) {
		Actor keeper = access.requireManager();
		AutomatedCheckDraft given = draft == null ? AutomatedCheckDraft.empty() : draft;
		CheckSettings settings = check(given, true);
		Long provider = keeper.partyKind() == PartyKind.PROVIDER ? keeper.partyId() : null;
		long id = checks.insert(keeper.partyId(), keeper.userId(), provider, settings);
		String password = FieldErrors.clean(given.dbPassword());
		if (settings.kind() == CheckKind.DATABASE && password != null) {
			checks.updatePassword(id, cipher.seal(password, passwordContext(id)));
		}
		audit.record(AuditEntry.of("INSPECTION_CHECK_CREATED", "inspection_check", id).after(settings.audited())
			.detail(settings.name()));
		return id;
	}

	@Transactional
	public void update(long id, AutomatedCheckDraft draft) {
		access.requireManager();
		AutomatedCheck check = load(id);
		AutomatedCheckDraft given = draft == null ? AutomatedCheckDraft.empty() : draft;
		CheckSettings settings = check(given, false);
		checks.update(id, settings);
		String password = FieldErrors.clean(given.dbPassword());
		if (settings.kind() != CheckKind.DATABASE) {
			checks.updatePassword(id, null);
		}
		else if (password != null) {
			checks.updatePassword(id, cipher.seal(password, passwordContext(id)));
		}
		Map<String, Object> after = new java.util.LinkedHashMap<>(settings.audited());
		if (password != null) {
			after.put("dbPassword", "changed");
		}
		audit.record(AuditEntry.of("INSPECTION_CHECK_UPDATED", "inspection_check", id)
			.before(check.settings().audited()).after(after).detail(settings.name()));
	}

	@Transactional
	public void pause(long id) {
		access.requireManager();
		AutomatedCheck check = load(id);
		check.pause();
		checks.updateActive(check);
		audit.record(AuditEntry.of("INSPECTION_CHECK_PAUSED", "inspection_check", id).before(Map.of("active", true))
			.after(Map.of("active", false)).detail(check.name()));
	}

	@Transactional
	public void resume(long id) {
		access.requireManager();
		AutomatedCheck check = load(id);
		check.resume();
		checks.updateActive(check);
		audit.record(AuditEntry.of("INSPECTION_CHECK_RESUMED", "inspection_check", id).before(Map.of("active", false))
			.after(Map.of("active", true)).detail(check.name()));
	}

	/** The check the keeper may run now; 404 outside the keeper's scope. */
	public AutomatedCheck requireRunnable(long id) {
		access.requireManager();
		AutomatedCheck check = checks.find(id).orElseThrow(() -> RejectedRequest.notFound("inspection-check"));
		access.requireWritable(check.partyId());
		return check;
	}

	/** The password of a database check, opened for one run; empty when none is kept. */
	Optional<String> password(long id) {
		return checks.sealedPassword(id).map(sealed -> cipher.open(sealed, passwordContext(id)));
	}

	private static String passwordContext(long id) {
		return "inspection_check.db_password:" + id;
	}

	private AutomatedCheck load(long id) {
		AutomatedCheck check = checks.findForUpdate(id)
			.orElseThrow(() -> RejectedRequest.notFound("inspection-check"));
		access.requireWritable(check.partyId());
		return check;
	}

	private CheckSettings check(AutomatedCheckDraft draft, boolean creating) {
		FieldErrors errors = new FieldErrors();
		String name = FieldErrors.clean(draft.name());
		errors.required("name", name, NAME_MAX);
		CheckKind kind = errors.constant(CheckKind.class, draft.kind(), "kind");
		String target = FieldErrors.clean(draft.target());
		errors.required("target", target, TARGET_MAX);
		if (kind != null && target != null && target.length() <= TARGET_MAX) {
			target(kind, target, errors);
		}
		Integer port = null;
		if (kind == CheckKind.TCP || kind == CheckKind.TLS || kind == CheckKind.PING) {
			port = draft.port();
			if (port == null && kind != CheckKind.PING) {
				errors.add("port", "field.required");
			}
			else if (port != null && (port < 1 || port > 65535)) {
				errors.add("port", "check.port-range");
			}
		}
		Integer expectStatus = kind == CheckKind.HTTP ? draft.expectStatus() : null;
		if (expectStatus != null && (expectStatus < 100 || expectStatus > 599)) {
			errors.add("expectStatus", "check.status-range");
		}
		String bodyContains = kind == CheckKind.HTTP ? FieldErrors.clean(draft.bodyContains()) : null;
		errors.optional("bodyContains", bodyContains, TEXT_MAX);
		Integer slowMillis = kind == CheckKind.TLS ? null : draft.slowMillis();
		range(errors, "slowMillis", slowMillis, 1, 60_000);
		Integer warnDays = kind == CheckKind.TLS ? (draft.warnDays() == null ? 30 : draft.warnDays()) : null;
		range(errors, "warnDays", warnDays, 0, 365);
		String dbUser = kind == CheckKind.DATABASE ? FieldErrors.clean(draft.dbUser()) : null;
		if (kind == CheckKind.DATABASE) {
			errors.required("dbUser", dbUser, 100);
			errors.optional("dbPassword", FieldErrors.clean(draft.dbPassword()), 200);
		}
		String ciName = null;
		if (draft.ciId() != null) {
			Optional<ConfigurationItemSummary> item = items.find(draft.ciId());
			if (item.isEmpty()) {
				errors.add("ciId", "check.item-unknown");
			}
			else {
				ciName = item.get().name();
			}
		}
		int interval = draft.intervalSeconds() == null ? DEFAULT_INTERVAL : draft.intervalSeconds();
		range(errors, "intervalSeconds", interval, 30, 86_400);
		int timeout = draft.timeoutMillis() == null ? DEFAULT_TIMEOUT : draft.timeoutMillis();
		range(errors, "timeoutMillis", timeout, 100, 30_000);
		int failures = draft.failuresToAlert() == null ? 1 : draft.failuresToAlert();
		range(errors, "failuresToAlert", failures, 1, 10);
		errors.throwIfAny();
		return new CheckSettings(name, kind, target, port, expectStatus, bodyContains, slowMillis, warnDays, dbUser,
				draft.ciId(), ciName, interval, timeout, failures);
	}

	private static void target(CheckKind kind, String target, FieldErrors errors) {
		switch (kind) {
			case HTTP -> {
				try {
					URI uri = new URI(target);
					String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
					if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
						errors.add("target", "check.target-url");
					}
				}
				catch (URISyntaxException e) {
					errors.add("target", "check.target-url");
				}
			}
			case TCP, TLS, PING -> {
				if (!HOST.matcher(target).matches()) {
					errors.add("target", "check.target-host");
				}
			}
			case DATABASE -> {
				if (!target.startsWith("jdbc:postgresql://")) {
					errors.add("target", "check.target-database");
				}
				else if (target.toLowerCase(Locale.ROOT).contains("password")) {
					errors.add("target", "check.target-database-password");
				}
			}
		}
	}

	private static void range(FieldErrors errors, String field, Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			errors.add(field, "check.range." + field);
		}
	}
}
