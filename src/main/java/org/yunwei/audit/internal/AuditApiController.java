package org.yunwei.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.audit.AuditChain;
import org.yunwei.audit.ChainVerification;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The audit trail (审计记录) and its hash chain (哈希链)")
class AuditApiController {

	private final AuditRecords records;
	private final AuditChain chain;
	private final AuditExport export;
	private final AuditPurge purge;
	private final MessageSource messages;

	AuditApiController(AuditRecords records, AuditChain chain, AuditExport export, AuditPurge purge,
			MessageSource messages) {
		this.records = records;
		this.chain = chain;
		this.export = export;
		this.purge = purge;
		this.messages = messages;
	}

	@GetMapping("/records")
	@PreAuthorize("hasAuthority('AUDIT_READ')")
	@Operation(summary = "Audit records, newest first, filtered and paged by keyset",
			description = "Filters: actor, action, objectType, objectId, outcome (SUCCESS, FAILURE, DENIED), from, to "
					+ "(an instant such as 2026-11-01T08:00:00Z, or a date in Asia/Shanghai; a date as `to` includes "
					+ "that day). `limit` is 1 to 200 (default 50); pass `next` of a page as `cursor` for the next.")
	public KeysetPage<AuditRecordView> list(@RequestParam Map<String, String> parameters) {
		return records.page(AuditQuery.parse(parameters::get));
	}

	@GetMapping("/records/{id}")
	@PreAuthorize("hasAuthority('AUDIT_READ')")
	@Operation(summary = "One audit record with its values before and after and its place in the chain")
	public AuditRecordView one(@PathVariable long id) {
		return records.find(id).orElseThrow(() -> RejectedRequest.notFound(
				messages.getMessage("audit.record", null, LocaleContextHolder.getLocale())));
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('AUDIT_EXPORT')")
	@Operation(summary = "The matching records as an Excel workbook (.xlsx), at most 100,000, newest first",
			description = "Takes the filters of the list. Exporting is itself recorded on the audit trail.")
	public void export(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
		export.respond(parameters, response);
	}

	@GetMapping("/verify")
	@PreAuthorize("hasAuthority('AUDIT_VERIFY')")
	@Operation(summary = "Whether the hash chain is intact, and where it is first broken",
			description = "Seals what is pending, then recomputes every sealed record's hash from the start of the "
					+ "chain. Shows no record content.")
	public ChainVerification verify() {
		return chain.verify();
	}

	@PostMapping("/purge")
	@PreAuthorize("hasRole('AUDIT_ADMIN')")
	@Operation(summary = "Remove sealed records older than a cutoff at least 180 days ago (audit administrator only)",
			description = "Removes the start of the chain up to the first record that is not older than the cutoff; "
					+ "the chain still verifies afterwards. A younger cutoff is refused (网络安全法 §21).")
	public AuditPurge.Purged purge(@RequestBody PurgeRequest request) {
		return purge.before(cutoff(request.before()));
	}

	private static Instant cutoff(String before) {
		if (before == null || before.isBlank()) {
			throw RejectedRequest.invalidField("before", "audit.purge.before");
		}
		try {
			String value = before.strip();
			return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(AuditQuery.ZONE).toInstant()
					: OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException unreadable) {
			throw RejectedRequest.invalidField("before", "audit.purge.before");
		}
	}

	record PurgeRequest(@Schema(example = "2026-01-01",
			description = "records before this date (Asia/Shanghai) or instant are removed") String before) {
	}
}
