package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/parties")
@Tag(name = "Parties", description = "参与方: management, customer, supervision and provider parties")
class PartyApiController {

	private final PartyAdministration parties;
	private final OrgUnitAdministration units;

	PartyApiController(PartyAdministration parties, OrgUnitAdministration units) {
		this.parties = parties;
		this.units = units;
	}

	@GetMapping
	@Operation(summary = "The parties the caller may see",
			description = "Management and supervision see every party; everyone else sees their own.")
	List<OrgUnits.Party> list() {
		return parties.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a party with its top organisation unit (management only, PARTY_MANAGE)",
			description = "The top unit is created in the same transaction: named and coded as given in topUnitName "
					+ "and topUnitCode, or like the party when these are omitted. Its id is listed by "
					+ "GET /api/v1/parties/{id}/org-units.")
	OrgUnits.Party create(@RequestBody PartyDraft draft) {
		return parties.create(draft);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One party")
	OrgUnits.Party get(@PathVariable long id) {
		return parties.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename, disable or enable a party (PARTY_MANAGE)")
	OrgUnits.Party update(@PathVariable long id, @RequestBody PartyChange change) {
		return parties.update(id, change);
	}

	@GetMapping("/{id}/org-units")
	@Operation(summary = "The party's organisation units the caller may see, in tree order (by path)")
	List<OrgUnits.OrgUnit> orgUnits(@PathVariable long id) {
		parties.get(id);
		return units.list(id);
	}
}
