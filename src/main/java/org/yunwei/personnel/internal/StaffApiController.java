package org.yunwei.personnel.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.personnel.internal.StaffReading.StaffLine;
import org.yunwei.personnel.internal.StaffReading.StaffView;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff records", description = "人员档案: the providers' O&M people, each record linked to a person of the "
		+ "directory, with post, skills, certificates and their expiry, 信创 products known and clearance for special "
		+ "environments. PERSONNEL_READ reads the records in one's scope, PERSONNEL_MANAGE keeps them. Phone and ID "
		+ "numbers are sealed at rest (AES-256-GCM, SM4-GCM in 国密 mode) and returned only to the record's keepers "
		+ "and to the person; `personalDataShown` says whether they were, `personalDataUnreadable` that they are "
		+ "there but do not open with this installation's key.")
class StaffApiController {

	private final StaffRegister register;
	private final StaffReading reading;

	StaffApiController(StaffRegister register, StaffReading reading) {
		this.register = register;
		this.reading = reading;
	}

	private static StaffDraft draft(StaffDraft draft) {
		return draft == null ? new StaffDraft(null, null, null, null, null, null, null, null, null) : draft;
	}

	@GetMapping
	@Operation(summary = "The staff records in my scope, by id", description = "Keyset pages: pass `next` as `cursor`.")
	KeysetPage<StaffLine> list(@Parameter(description = "one provider party") @RequestParam(required = false) Long partyId,
			@RequestParam(required = false) String cursor,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit) {
		return reading.page(partyId, cursor, limit);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a provider's person", description = "400 naming the refused fields; 409 when the "
			+ "person has a record already.")
	StaffView create(@RequestBody(required = false) StaffDraft draft) {
		return reading.view(register.record(draft(draft)));
	}

	@GetMapping("/me")
	@Operation(summary = "My own staff record, with my personal data", description = "404 when I have none.")
	StaffView mine() {
		return reading.mine().orElseThrow(() -> RejectedRequest.notFound("staff"));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A staff record", description = "The personal data only to its keepers and the person.")
	StaffView get(@PathVariable long id) {
		return reading.view(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Revise a staff record", description = "Replaces everything it says; an empty phone or ID "
			+ "number removes it. `userId` is ignored: a record stays with its person.")
	StaffView revise(@PathVariable long id, @RequestBody(required = false) StaffDraft draft) {
		register.revise(id, draft(draft));
		return reading.view(id);
	}

	@PostMapping("/{id}/certificates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a certificate (资质证书) with its expiry")
	StaffView addCertificate(@PathVariable long id, @RequestBody(required = false) CertificateDraft draft) {
		register.addCertificate(id, draft == null ? new CertificateDraft(null, null, null, null, null) : draft);
		return reading.view(id);
	}

	@DeleteMapping("/{id}/certificates/{certificateId}")
	@Operation(summary = "Remove a certificate recorded by mistake")
	StaffView removeCertificate(@PathVariable long id, @PathVariable long certificateId) {
		register.removeCertificate(id, certificateId);
		return reading.view(id);
	}
}
