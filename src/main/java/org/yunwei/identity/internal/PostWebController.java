package org.yunwei.identity.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Actors;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;
import org.yunwei.identity.Positions.PostAbsence;
import org.yunwei.web.RejectedRequest;

/**
 * The post pages: the list, and the form whose holder and backup choices follow the chosen unit: htmx reloads the
 * two selects when the unit changes; without script, "new post" from a list filtered by unit opens the form with
 * that unit and its people.
 */
@Controller
@PreAuthorize("hasAuthority('POST_MANAGE')")
class PostWebController {

	static final int ABSENCES_SHOWN = 20;
	/** The installation's zone, in which the form's times are read and shown. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final PostAdministration posts;
	private final OrgUnitAdministration units;
	private final PartyAdministration parties;
	private final Positions positions;
	private final People people;
	private final Actors actors;

	PostWebController(PostAdministration posts, OrgUnitAdministration units, PartyAdministration parties,
			Positions positions, People people, Actors actors) {
		this.posts = posts;
		this.units = units;
		this.parties = parties;
		this.positions = positions;
		this.people = people;
		this.actors = actors;
	}

	@GetMapping("/admin/posts")
	String list(@RequestParam(required = false) Long orgUnitId, Model model) {
		model.addAttribute("posts", posts.list(orgUnitId));
		model.addAttribute("orgUnitId", orgUnitId);
		addUnits(model);
		return "identity/admin/posts";
	}

	@GetMapping("/admin/posts/new")
	String newPost(@RequestParam(required = false) Long orgUnitId, Model model) {
		return form(model, null, new PostDraft(orgUnitId, null, null, null, null), AdminForms.noErrors());
	}

	/** The holder and backup selects for a unit, for htmx to swap in when the unit changes. */
	@GetMapping("/admin/posts/people")
	String people(@RequestParam(required = false) Long orgUnitId, Model model) {
		model.addAttribute("form", new PostDraft(orgUnitId, null, null, null, null));
		model.addAttribute("people", orgUnitId == null ? List.of() : posts.candidates(orgUnitId));
		model.addAttribute("errors", AdminForms.noErrors());
		return "identity/admin/post :: people";
	}

	@PostMapping("/admin/posts")
	String create(@ModelAttribute PostDraft draft, Model model, RedirectAttributes redirect) {
		try {
			posts.create(draft);
			redirect.addFlashAttribute("notice", "directory.saved");
			return "redirect:/admin/posts";
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			return form(model, null, draft, refused.fieldErrors());
		}
	}

	@GetMapping("/admin/posts/{id}")
	String edit(@PathVariable long id, Model model) {
		PostView post = posts.get(id);
		return form(model, post, new PostDraft(post.orgUnitId(), post.name(), post.responsibilities(), post.holderId(),
				post.backupId()), AdminForms.noErrors());
	}

	@PostMapping("/admin/posts/{id}")
	String update(@PathVariable long id, @ModelAttribute PostDraft draft, Model model, RedirectAttributes redirect) {
		try {
			posts.update(id, draft);
			redirect.addFlashAttribute("notice", "directory.saved");
			return "redirect:/admin/posts";
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			return form(model, posts.get(id), draft, refused.fieldErrors());
		}
	}

	/**
	 * Records that the holder is away (岗位备份): the backup acts for the post meanwhile. The times are the
	 * installation's local times, as the form shows them.
	 */
	@PostMapping("/admin/posts/{id}/absences")
	String recordAbsence(@PathVariable long id, @RequestParam Map<String, String> absence, Model model,
			RedirectAttributes redirect) {
		try {
			positions.recordAbsence(id, localTime(absence.get("from"), "from"), localTime(absence.get("until"), "until"),
					absence.get("reason"));
			redirect.addFlashAttribute("notice", "posts.absence.saved");
			return "redirect:/admin/posts/" + id;
		}
		catch (RejectedRequest refused) {
			if (refused.fieldErrors().isEmpty() && refused.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
				throw refused;
			}
			AdminForms.showRefusal(model, refused);
			PostView post = posts.get(id);
			model.addAttribute("absence", absence);
			model.addAttribute("absenceErrors", refused.fieldErrors());
			return form(model, post, new PostDraft(post.orgUnitId(), post.name(), post.responsibilities(),
					post.holderId(), post.backupId()), AdminForms.noErrors());
		}
	}

	@PostMapping("/admin/posts/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		posts.delete(id);
		redirect.addFlashAttribute("notice", "directory.saved");
		return "redirect:/admin/posts";
	}

	private String form(Model model, PostView post, PostDraft form, Map<String, String> errors) {
		model.addAttribute("post", post);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("people", form.orgUnitId() == null ? List.of() : posts.candidates(form.orgUnitId()));
		if (post != null) {
			List<PostAbsence> absences = positions.absences(post.id(), ABSENCES_SHOWN);
			model.addAttribute("absences", absences);
			model.addAttribute("absenceNames", people(absences));
			model.addAttribute("zone", ZONE);
			model.addAttribute("now", Instant.now());
			model.addAttribute("mayRecordAbsence", actors.current().can(Permission.POST_ABSENCE_RECORD));
			model.asMap().putIfAbsent("absence", Map.of());
			model.asMap().putIfAbsent("absenceErrors", Map.of());
		}
		addUnits(model);
		return "identity/admin/post";
	}

	/** The display names of the people an absence list names: holders and who recorded them. */
	private Map<Long, String> people(List<PostAbsence> absences) {
		Set<Long> ids = new HashSet<>();
		for (PostAbsence absence : absences) {
			ids.add(absence.holderId());
			ids.add(absence.recordedBy());
		}
		return people.findAll(ids).stream().collect(Collectors.toMap(Person::id, Person::displayName));
	}

	/** A {@code datetime-local} value in the installation's zone; blank is none. */
	private static Instant localTime(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			throw RejectedRequest.invalidField(field, "field.malformed");
		}
	}

	private void addUnits(Model model) {
		model.addAttribute("units", units.list(null));
		model.addAttribute("partyNames",
				parties.list().stream().collect(Collectors.toMap(OrgUnits.Party::id, OrgUnits.Party::name)));
	}
}
