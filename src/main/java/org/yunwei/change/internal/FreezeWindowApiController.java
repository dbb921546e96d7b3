package org.yunwei.change.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/freeze-windows")
@Tag(name = "Freeze windows", description = "重要保障期: periods (major events, holidays) into which only an emergency "
		+ "change may be planned, and only with an extra override approval; any other change is refused at submission "
		+ "(422 `change-in-freeze-window`). Read by everyone who reads changes; declared and removed by management's "
		+ "holders of CHANGE_MANAGE.")
class FreezeWindowApiController {

	private final FreezeWindows windows;

	FreezeWindowApiController(FreezeWindows windows) {
		this.windows = windows;
	}

	record FreezeWindowForm(String name, String reason, Instant startsAt,
			@Parameter(description = "after startsAt, at most 366 days later") Instant endsAt) {
	}

	@GetMapping
	@Operation(summary = "The freeze windows overlapping a period",
			description = "Default: from 30 days ago to a year ahead.")
	List<FreezeWindow> list(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
		Instant now = Instant.now();
		return windows.between(from == null ? now.minus(Duration.ofDays(30)) : from,
				to == null ? now.plus(Duration.ofDays(366)) : to);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Declare a freeze window", description = "400 naming every refused field.")
	FreezeWindow declare(@RequestBody(required = false) FreezeWindowForm form) {
		return form == null ? windows.declare(null, null, null, null)
				: windows.declare(form.name(), form.reason(), form.startsAt(), form.endsAt());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a freeze window (kept on record as removed)")
	void remove(@PathVariable long id) {
		windows.remove(id);
	}
}
