package org.yunwei.home.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.ticket.Tickets;

/**
 * The side navigation's choices ({@code ${@navigation...}} in {@code layout/shell.html}): which link is the current
 * page, and the links whose page decides access by more than a permission.
 * <p>
 * The current page is the link whose path is the longest prefix of the request's path, so that a ticket's page
 * ({@code /tickets/42}) highlights the service desk and the statistics ({@code /tickets/statistics/…}) highlight the
 * statistics, not both. {@link #LINKS} lists the paths the navigation links to; a test keeps it and the shell in step.
 * <p>
 * Developer links (the API documentation, the API tokens page) are for people who may use the API for their work:
 * anyone of the service desk's, management's or supervision's side, and a customer's account that holds a permission
 * (which only an integration needs: the portal asks for none). A customer at the portal does not see them; the pages
 * themselves stay reachable, as they are harmless.
 */
@Component("navigation")
class Navigation {

	/** The paths the side navigation links to. */
	static final List<String> LINKS = List.of("/", "/notifications", "/approvals", "/knowledge", "/catalog", "/portal",
			"/portal/tickets", "/tickets", "/tickets/groups", "/tickets/routing", "/tickets/alert-routes",
			"/tickets/mail-failures", "/return-visits", "/tickets/statistics", "/problems", "/changes", "/cmdb",
			"/inspections", "/documents", "/sla/agreements", "/sla/attainment", "/sla/clocks", "/sla/calendars",
			"/compliance", "/admin/parties", "/admin/users", "/admin/roles", "/admin/grants", "/admin/posts", "/audit",
			"/staff", "/staff/me", "/confidentiality", "/trainings", "/appraisals", "/approval-policies",
			"/admin/notification-robots", "/emergency/events", "/emergency/plans", "/emergency/drills", "/emergency/duty",
			"/releases", "/changes/approval-rules", "/releases/approval-rules", "/changes/sla-rules");

	private final Actors actors;
	private final Tickets tickets;

	Navigation(Actors actors, Tickets tickets) {
		this.actors = actors;
		this.tickets = tickets;
	}

	/** {@code "page"} (for {@code aria-current}) when {@code link} is the current page's link, else {@code null}. */
	public String current(String link) {
		return request().map(r -> r.getRequestURI().substring(r.getContextPath().length()))
			.flatMap(Navigation::linkOf)
			.filter(link::equals)
			.map(found -> "page")
			.orElse(null);
	}

	/** Whether the signed-in person may open the agents' workspace and the return visits (the ticket module's rule). */
	public boolean workspace() {
		return actors.find().isPresent() && tickets.isAgent();
	}

	/** Whether the signed-in person sees the developer links (see the class comment). */
	public boolean developer() {
		return actors.find().map(Navigation::developer).orElse(false);
	}

	static boolean developer(Actor actor) {
		return actor.partyKind() != PartyKind.CUSTOMER || !actor.permissions().isEmpty();
	}

	/** The navigation link of a request path: the longest link that is the path or a prefix of it at a '/'. */
	static Optional<String> linkOf(String path) {
		return LINKS.stream()
			.filter(link -> link.equals(path) || (!link.equals("/") && path.startsWith(link + "/")))
			.max(Comparator.comparingInt(String::length));
	}

	private static Optional<HttpServletRequest> request() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes instanceof ServletRequestAttributes servlet ? Optional.of(servlet.getRequest())
				: Optional.empty();
	}
}
