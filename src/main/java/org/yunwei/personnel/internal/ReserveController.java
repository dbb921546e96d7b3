package org.yunwei.personnel.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Permission;
import org.yunwei.personnel.internal.ReservePlan.PostReserve;
import org.yunwei.personnel.internal.ReservePlan.TargetDraft;
import org.yunwei.web.RejectedRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The reserve plan (人员储备计划), as a page ({@code /staff/reserve}) and in the API: each provider post's target and
 * its gap.
 */
@Controller
@Tag(name = "Reserve plan", description = "人员储备计划: per provider post, the people needed on duty and in reserve, "
		+ "the staff records naming the post, and the gap. PERSONNEL_READ reads, PERSONNEL_MANAGE sets the targets.")
class ReserveController {

	private final ReservePlan plan;
	private final StaffAccess access;

	ReserveController(ReservePlan plan, StaffAccess access) {
		this.plan = plan;
		this.access = access;
	}

	@GetMapping("/api/v1/staff/reserve")
	@ResponseBody
	@Operation(summary = "The reserve plan: every provider post in my scope with its target and gap")
	List<PostReserve> list() {
		return plan.plan();
	}

	@PutMapping("/api/v1/staff/reserve/{postId}")
	@ResponseBody
	@Operation(summary = "Set a post's target: people on duty and in reserve", description = "404 for a post that is no "
			+ "provider's post in my scope.")
	List<PostReserve> target(@PathVariable long postId, @RequestBody(required = false) TargetDraft draft) {
		plan.target(postId, draft == null ? new TargetDraft(null, null) : draft);
		return plan.plan();
	}

	@GetMapping("/staff/reserve")
	String page(Model model) {
		model.addAttribute("posts", plan.plan());
		model.addAttribute("mayManage", access.actor().can(Permission.PERSONNEL_MANAGE));
		return "personnel/reserve";
	}

	@PostMapping("/staff/reserve/{postId:\\d+}")
	String set(@PathVariable long postId, @RequestParam(required = false) Integer required,
			@RequestParam(required = false) Integer reserve, RedirectAttributes redirect) {
		try {
			plan.target(postId, new TargetDraft(required, reserve));
			redirect.addFlashAttribute("notice", "personnel.reserve.saved");
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", "personnel.reserve.problem");
		}
		return "redirect:/staff/reserve";
	}
}
