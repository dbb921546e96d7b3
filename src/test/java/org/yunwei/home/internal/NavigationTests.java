package org.yunwei.home.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yunwei.identity.Actor;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;

class NavigationTests {

	@Test
	void theCurrentLinkIsTheLongestThatIsThePathOrAPrefixOfItAtASlash() {
		assertThat(Navigation.linkOf("/")).contains("/");
		assertThat(Navigation.linkOf("/tickets")).contains("/tickets");
		assertThat(Navigation.linkOf("/tickets/42")).contains("/tickets");
		assertThat(Navigation.linkOf("/tickets/statistics/assignees")).contains("/tickets/statistics");
		assertThat(Navigation.linkOf("/portal/tickets/7")).contains("/portal/tickets");
		assertThat(Navigation.linkOf("/portal")).contains("/portal");
		assertThat(Navigation.linkOf("/ticketsx")).isEmpty();
		assertThat(Navigation.linkOf("/account/password")).isEmpty();
	}

	@Test
	void theLinksAreThoseTheSideNavigationMatches() throws IOException {
		String template;
		try (InputStream in = getClass().getResourceAsStream("/templates/layout/navigation.html")) {
			template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String> matched = new ArrayList<>();
		Matcher m = Pattern.compile("link\\('([^']+)'").matcher(template);
		while (m.find()) {
			matched.add(m.group(1));
		}
		assertThat(matched).containsExactlyInAnyOrderElementsOf(Navigation.LINKS);
	}

	@Test
	void developerLinksAreForEveryoneButACustomerWithoutPermissions() {
		assertThat(Navigation.developer(actor(PartyKind.CUSTOMER, Set.of()))).isFalse();
		assertThat(Navigation.developer(actor(PartyKind.CUSTOMER, Set.of(Permission.ALERT_INTAKE)))).isTrue();
		assertThat(Navigation.developer(actor(PartyKind.PROVIDER, Set.of()))).isTrue();
		assertThat(Navigation.developer(actor(PartyKind.SUPERVISION, Set.of(Permission.AUDIT_READ)))).isTrue();
	}

	private static Actor actor(PartyKind kind, Set<Permission> permissions) {
		return new Actor(1, "u", "U", 1, kind, 1, Set.of(), permissions);
	}
}
