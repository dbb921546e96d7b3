package org.yunwei.identity.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.web.RejectedRequest;

/**
 * On the first start, creates the management party and the system administrator {@code admin}: with
 * {@code YUNWEI_ADMIN_PASSWORD} when set, otherwise with a random password printed once that must be changed at
 * first sign-in; with the second factor of {@code YUNWEI_ADMIN_TOTP_SECRET} when set, otherwise enrolled at first
 * sign-in. Whenever nobody holds the security or the audit administrator's role, creates {@code secadmin} or
 * {@code auditadmin} with a random password printed once, to change at first sign-in.
 */
@Component
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

	static final String ADMIN = "admin";
	/** The other two of 三员分立, by role, with their user names. */
	static final Map<String, String> OFFICERS = Map.of("SECURITY_ADMIN", "secadmin", "AUDIT_ADMIN", "auditadmin");
	private static final Map<String, String> OFFICER_NAMES = Map.of("SECURITY_ADMIN", "安全管理员", "AUDIT_ADMIN",
			"审计管理员");
	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final UserAccounts accounts;
	private final OrgUnits orgUnits;
	private final PasswordEncoder encoder;
	private final PasswordPolicy policy;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final String presetPassword;
	private final String presetTotpSecret;

	AdministratorBootstrap(UserAccounts accounts, OrgUnits orgUnits, PasswordEncoder encoder, PasswordPolicy policy,
			AuditTrail audit, JdbcClient jdbc, TransactionTemplate transaction,
			@Value("${yunwei.admin.password:}") String presetPassword,
			@Value("${yunwei.admin.totp-secret:}") String presetTotpSecret) {
		this.accounts = accounts;
		this.orgUnits = orgUnits;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.presetPassword = presetPassword;
		this.presetTotpSecret = presetTotpSecret;
	}

	@Override
	public void run(ApplicationArguments args) {
		createSystemAdministrator();
		OFFICERS.forEach(this::createOfficerIfNone);
	}

	/**
	 * Creates the security or audit administrator when nobody holds the role, on the first start and on an upgrade
	 * from a version where the system administrator gave roles: without a security administrator nobody could give
	 * one (三员分立 takes that from the system administrator).
	 */
	private void createOfficerIfNone(String role, String username) {
		boolean held = jdbc.sql("select count(*) from user_role ur join role r on r.id = ur.role_id where r.code = ?")
			.param(role)
			.query(Long.class)
			.single() > 0;
		if (held) {
			return;
		}
		if (accounts.findByUsername(username).isPresent()) {
			log.warn("Nobody holds {} and the user name '{}' is taken by someone else: none was created", role,
					username);
			return;
		}
		String password = randomPassword();
		transaction.executeWithoutResult(status -> {
			long id = accounts.insert(username, OFFICER_NAMES.get(role), null, null, managementUnit(),
					encoder.encode(password), true, null);
			jdbc.sql("insert into user_role (user_id, role_id) select ?, id from role where code = ?")
				.params(id, role)
				.update();
			audit.record(AuditEntry.of("USER_CREATE", "user", id)
				.actor("system")
				.after(Map.of("username", username, "roles", List.of(role), "secondFactor", false))
				.detail("nobody held " + role));
		});
		log.warn("""

				================================================================
				 {} is '{}' with the initial password   {}
				 It must be changed, and a second factor enrolled, at first
				 sign-in. It is not shown again.
				================================================================""", OFFICER_NAMES.get(role), username,
				password);
	}

	private void createSystemAdministrator() {
		if (accounts.findByUsername(ADMIN).isPresent()) {
			return;
		}
		boolean preset = StringUtils.hasText(presetPassword);
		String password = preset ? presetPassword : randomPassword();
		try {
			policy.check("password", ADMIN, password, List.of());
		}
		catch (RejectedRequest weak) {
			throw new IllegalStateException("YUNWEI_ADMIN_PASSWORD breaks the password policy ("
					+ weak.fieldErrors().get("password") + "): at least 8 characters from 3 of upper case, lower "
					+ "case, digits and symbols, not a common password");
		}
		String totpSecret = StringUtils.hasText(presetTotpSecret) ? presetTotpSecret.trim().toUpperCase() : null;
		if (totpSecret != null && !TotpAlgorithm.isValidSecret(totpSecret)) {
			throw new IllegalStateException("YUNWEI_ADMIN_TOTP_SECRET must be base32 (A-Z, 2-7) of at least 80 bits");
		}
		transaction.executeWithoutResult(status -> {
			long orgUnitId = managementUnit();
			long id = accounts.insert(ADMIN, "系统管理员", null, null, orgUnitId, encoder.encode(password), !preset,
					totpSecret);
			jdbc.sql("insert into user_role (user_id, role_id) select ?, id from role where code = 'SYSTEM_ADMIN'")
				.param(id)
				.update();
			audit.record(AuditEntry.of("USER_CREATE", "user", id)
				.actor("system")
				.after(Map.of("username", ADMIN, "roles", List.of("SYSTEM_ADMIN"), "secondFactor", totpSecret != null))
				.detail("first start"));
		});
		if (!preset) {
			log.warn("""

					================================================================
					 First start: the system administrator is '{}' with the
					 one-time password   {}
					 It must be changed at first sign-in. It is not shown again.
					================================================================""", ADMIN, password);
		}
	}

	private long managementUnit() {
		long partyId = orgUnits.parties().stream()
			.filter(p -> p.kind().equals("MANAGEMENT"))
			.findFirst()
			.map(OrgUnits.Party::id)
			.orElseGet(() -> orgUnits.insertParty("MANAGEMENT", "MGMT", "管理方"));
		return orgUnits.ofParty(partyId).stream()
			.findFirst()
			.map(OrgUnits.OrgUnit::id)
			.orElseGet(() -> orgUnits.insert(partyId, null, "MGMT-SYS", "系统管理"));
	}

	static String randomPassword() {
		String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789",
				symbols = "!@#%^*-_=+";
		String all = upper + lower + digits + symbols;
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (String set : List.of(upper, lower, digits, symbols)) {
			password.append(set.charAt(random.nextInt(set.length())));
		}
		while (password.length() < 16) {
			password.append(all.charAt(random.nextInt(all.length())));
		}
		return password.toString();
	}
}
