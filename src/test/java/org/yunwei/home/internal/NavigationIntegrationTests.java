package org.yunwei.home.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * The side navigation over HTTP: every link a person is shown opens for them (none answers 403), customers see no
 * developer links and no placeholders, the current page is highlighted, and detail pages have breadcrumbs.
 */
class NavigationIntegrationTests extends IntegrationTestSupport {

	private static final Pattern SIDEBAR = Pattern.compile("<nav class=\"[^\"]*yw-sidebar.*?</nav>", Pattern.DOTALL);
	private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

	TicketFixtures world;

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, api());
	}

	@Test
	void aCustomerIsShownNoDeveloperLinkAndNoLinkThatRefusesThem() {
		WebSession customer = signedIn(world.bureauUser);
		String home = customer.get("/").body();

		assertThat(home).doesNotContain("swagger-ui", "/account/tokens", "id=\"nav-apidocs\"", "yw-nav-soon",
				"nav-link disabled");
		assertThat(links(home)).contains("/portal", "/portal/tickets").doesNotContain("/tickets", "/compliance");
		everyLinkOpens(customer, home);
	}

	@Test
	void everyRoleIsShownOnlyLinksThatOpenForIt() {
		String manager = world.directory.user(world.managementUnit(), "SERVICE_MANAGER");
		long supervision = world.directory.party("SUPERVISION", "监理公司");
		String supervisor = world.directory.user(world.directory.orgUnit(supervision, null, "监理部"), "SUPERVISOR");
		String statisticsOnly = world.directory.user(world.providerUnit, world.directory.role("TICKET_REPORT"));
		for (String person : List.of(world.agent, world.lead, manager, supervisor, statisticsOnly)) {
			WebSession session = signedIn(person);
			String home = session.get("/").body();
			assertThat(home).as(person).contains("id=\"nav-apidocs\"").doesNotContain("yw-nav-soon");
			everyLinkOpens(session, home);
		}
		// a provider's reader of statistics reads tickets (docs/security.md, "Access model"), so the workspace is
		// offered and opens, but the desk manager's pages are not
		assertThat(links(signedIn(statisticsOnly).get("/").body())).contains("/tickets/statistics", "/tickets")
			.doesNotContain("/tickets/groups", "/tickets/routing");
	}

	@Test
	void theCurrentPageIsHighlightedByTheLongestLinkOfItsPath() {
		WebSession lead = signedIn(world.lead);
		String statistics = lead.get("/tickets/statistics").body();
		assertThat(activeLinks(statistics)).containsExactly("nav-ticket-statistics");

		long ticket = world.submitted(TestDirectory.unique("显示器闪烁 ")).get("ticket").get("id").asLong();
		String detail = lead.get("/tickets/" + ticket).body();
		assertThat(activeLinks(detail)).containsExactly("nav-servicedesk");
		assertThat(detail).contains("id=\"breadcrumbs\"", "id=\"breadcrumb-list\" href=\"/tickets\"");
		assertThat(activeLinks(lead.get("/").body())).containsExactly("nav-home");

		WebSession customer = signedIn(world.bureauUser);
		String portalDetail = customer.get("/portal/tickets/" + ticket).body();
		assertThat(activeLinks(portalDetail)).containsExactly("nav-incident");
		assertThat(portalDetail).contains("id=\"breadcrumbs\"", "id=\"breadcrumb-list\" href=\"/portal/tickets\"");
	}

	private void everyLinkOpens(WebSession session, String page) {
		for (String link : links(page)) {
			WebSession.Page opened = session.get(link);
			// the API documentation forwards to its own page; nothing may lead to the sign-in or a refusal
			if (opened.status() == 302) {
				assertThat(opened.location()).as(link).doesNotContain("/login");
				opened = session.follow(opened);
			}
			assertThat(opened.status()).as(link).isEqualTo(200);
		}
	}

	private static List<String> links(String page) {
		Matcher sidebar = SIDEBAR.matcher(page);
		assertThat(sidebar.find()).as("the side navigation").isTrue();
		List<String> links = new ArrayList<>();
		Matcher href = HREF.matcher(sidebar.group());
		while (href.find()) {
			links.add(href.group(1).replace("&amp;", "&"));
		}
		return links;
	}

	/** The ids of the side navigation's links marked as the current page. */
	private static List<String> activeLinks(String page) {
		Matcher sidebar = SIDEBAR.matcher(page);
		assertThat(sidebar.find()).isTrue();
		List<String> active = new ArrayList<>();
		Matcher link = Pattern.compile("<a [^>]*>").matcher(sidebar.group());
		while (link.find()) {
			String tag = link.group();
			if (tag.contains("aria-current=\"page\"")) {
				assertThat(tag).contains("active");
				Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(tag);
				active.add(id.find() ? id.group(1) : tag);
			}
		}
		return active;
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		assertThat(session.signIn(username, TestDirectory.PASSWORD, null).status()).isEqualTo(302);
		return session;
	}
}
