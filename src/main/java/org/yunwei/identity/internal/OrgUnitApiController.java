package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Organisation units", description = "组织机构: the tree of units of each party")
class OrgUnitApiController {

	private final OrgUnitAdministration units;

	OrgUnitApiController(OrgUnitAdministration units) {
		this.units = units;
	}

	@GetMapping
	@Operation(summary = "The units the caller may see, by party and path",
			description = "A customer user sees their own unit and the units below it.")
	List<OrgUnits.OrgUnit> list(@Parameter(description = "only units of this party") @RequestParam(required = false) Long partyId) {
		return units.list(partyId);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a unit under a parent of the same party (PARTY_MANAGE)")
	OrgUnits.OrgUnit create(@RequestBody OrgUnitDraft draft) {
		return units.create(draft);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One unit")
	OrgUnits.OrgUnit get(@PathVariable long id) {
		return units.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename, move, disable or enable a unit (PARTY_MANAGE)",
			description = "Moving under the unit itself or one of its descendants is refused; disabling is refused "
					+ "while enabled units or users hang on the unit.")
	OrgUnits.OrgUnit update(@PathVariable long id, @RequestBody OrgUnitChange change) {
		return units.update(id, change);
	}
}
