package org.yunwei.identity.internal;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Actors;
import org.yunwei.web.RejectedRequest;

/**
 * The signed-in person's own account: sign-in page, password, second factor, API tokens.
 */
@Controller
class AccountWebController {

	private static final String PENDING_SECRET = "yunwei.totp.pending-secret";

	private final Actors actors;
	private final AccountSecurity security;
	private final PersonalTokens tokens;

	AccountWebController(Actors actors, AccountSecurity security, PersonalTokens tokens) {
		this.actors = actors;
		this.security = security;
		this.tokens = tokens;
	}

	@GetMapping("/login")
	String signIn() {
		return "identity/login";
	}

	@GetMapping("/account/password")
	String passwordForm(HttpSession session, Model model) {
		model.addAttribute("required", session.getAttribute(SignInObligations.PASSWORD_CHANGE) != null);
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmation,
			HttpSession session, Model model, RedirectAttributes redirect) {
		try {
			security.changePassword(actors.current().userId(), currentPassword, newPassword, confirmation);
		}
		catch (RejectedRequest rejected) {
			model.addAttribute("errors", rejected.fieldErrors());
			model.addAttribute("required", session.getAttribute(SignInObligations.PASSWORD_CHANGE) != null);
			return "identity/password";
		}
		session.removeAttribute(SignInObligations.PASSWORD_CHANGE);
		redirect.addFlashAttribute("notice", "account.password.changed");
		return session.getAttribute(SignInObligations.TOTP_ENROLMENT) != null ? "redirect:/account/totp"
				: "redirect:/";
	}

	@GetMapping("/account/totp")
	String secondFactorForm(HttpSession session, Model model) {
		var actor = actors.current();
		if (security.hasSecondFactor(actor.userId())) {
			model.addAttribute("enrolled", true);
			return "identity/totp";
		}
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			secret = TotpAlgorithm.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
		}
		showEnrolment(model, session, actor.username(), secret);
		return "identity/totp";
	}

	@PostMapping("/account/totp")
	String enrolSecondFactor(@RequestParam(defaultValue = "") String code, HttpSession session, Model model,
			RedirectAttributes redirect) {
		var actor = actors.current();
		String secret = (String) session.getAttribute(PENDING_SECRET);
		try {
			if (secret == null) {
				throw RejectedRequest.invalidField("code", "account.totp.wrong");
			}
			security.enrolSecondFactor(actor.userId(), secret, code);
		}
		catch (RejectedRequest rejected) {
			model.addAttribute("errors", rejected.fieldErrors());
			if (secret != null) {
				showEnrolment(model, session, actor.username(), secret);
			}
			else {
				model.addAttribute("enrolled", security.hasSecondFactor(actor.userId()));
			}
			return "identity/totp";
		}
		session.removeAttribute(PENDING_SECRET);
		session.removeAttribute(SignInObligations.TOTP_ENROLMENT);
		redirect.addFlashAttribute("notice", "account.totp.enrolled");
		return "redirect:/";
	}

	private static void showEnrolment(Model model, HttpSession session, String username, String secret) {
		model.addAttribute("enrolled", false);
		model.addAttribute("required", session.getAttribute(SignInObligations.TOTP_ENROLMENT) != null);
		model.addAttribute("secret", secret);
		model.addAttribute("qr", QrCode.dataUri(TotpAlgorithm.provisioningUri("Yunwei", username, secret)));
	}

	@GetMapping("/account/tokens")
	String tokens(Model model) {
		model.addAttribute("tokens", tokens.of(actors.current().userId()));
		model.addAttribute("now", java.time.Instant.now());
		return "identity/tokens";
	}

	@PostMapping("/account/tokens")
	String createToken(@RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) Integer expiresInDays, Model model) {
		var actor = actors.current();
		try {
			var issued = tokens.issue(actor.userId(), actor.username(), name, expiresInDays);
			model.addAttribute("issued", issued.token());
		}
		catch (RejectedRequest rejected) {
			model.addAttribute("errors", rejected.fieldErrors());
			model.addAttribute("name", name);
			model.addAttribute("expiresInDays", expiresInDays);
		}
		return tokens(model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id) {
		tokens.revoke(actors.current().userId(), id);
		return "redirect:/account/tokens";
	}
}
