package org.yunwei.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.notification.internal.NotificationTesting.await;
import static org.yunwei.notification.internal.NotificationTesting.notice;
import static org.yunwei.notification.internal.NotificationTesting.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/** A person reads and marks their own notifications, and never anyone else's. */
class NotificationApiIntegrationTests extends IntegrationTestSupport {

	private static final String NOTIFICATIONS = "/api/v1/notifications";

	@Autowired
	private ApplicationEventPublisher events;
	@Autowired
	private PlatformTransactionManager transactionManager;

	private NotificationTesting testing;
	private String alice;
	private String bob;

	@BeforeEach
	void setUp() {
		testing = new NotificationTesting(jdbc, api(), events, transactionManager);
		alice = testing.person();
		bob = testing.person();
	}

	private void tell(String username, int count) {
		for (int i = 0; i < count; i++) {
			testing.publish(notice("ticket.assigned", "[INC-20261122-" + (1000 + i) + "] 已分派给您 " + unique("s"),
					Set.of(testing.id(username)), Set.of(), null));
		}
		long expected = count;
		await(count + " notifications for " + username, () -> testing.notifications(testing.id(username)) == expected);
	}

	@Test
	void listsOnlyTheCallersOwnNotificationsNewestFirstByKeyset() {
		tell(alice, 5);
		tell(bob, 1);
		String token = testing.tokenOf(alice);

		List<Long> ids = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			var page = api().get(NOTIFICATIONS + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token);
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.json().get("items").forEach(n -> ids.add(n.get("id").asLong()));
			cursor = page.json().get("next").isNull() ? null : page.json().get("next").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(ids).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(pages).isEqualTo(3);
		JsonNode first = api().get(NOTIFICATIONS, token).json().get("items").get(0);
		assertThat(first.get("topic").asString()).isEqualTo("ticket.assigned");
		assertThat(first.get("link").asString()).isEqualTo("/tickets/42");
		assertThat(first.get("read").asBoolean()).isFalse();

		long bobsId = jdbc.sql("select id from notification where user_id = ?").param(testing.id(bob))
			.query(Long.class).single();
		assertThat(ids).doesNotContain(bobsId);
		assertThat(api().post(NOTIFICATIONS + "/" + bobsId + "/read", token, null).status()).isEqualTo(404);
		assertThat(jdbc.sql("select read_at is null from notification where id = ?").param(bobsId)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void marksOneOrAllReadAndCountsWhatIsUnread() {
		tell(alice, 3);
		tell(bob, 2);
		String token = testing.tokenOf(alice);
		assertThat(api().get(NOTIFICATIONS + "/unread-count", token).json().get("count").asLong()).isEqualTo(3);

		long newest = api().get(NOTIFICATIONS, token).json().get("items").get(0).get("id").asLong();
		var read = api().post(NOTIFICATIONS + "/" + newest + "/read", token, null);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("read").asBoolean()).isTrue();
		String readAt = read.json().get("readAt").asString();
		assertThat(api().post(NOTIFICATIONS + "/" + newest + "/read", token, null).json().get("readAt").asString())
			.as("marking again keeps the first time").isEqualTo(readAt);
		assertThat(api().get(NOTIFICATIONS + "/unread-count", token).json().get("count").asLong()).isEqualTo(2);
		var unread = api().get(NOTIFICATIONS + "?unread=true", token).json().get("items");
		assertThat(unread.size()).isEqualTo(2);
		unread.forEach(n -> assertThat(n.get("id").asLong()).isNotEqualTo(newest));

		assertThat(api().post(NOTIFICATIONS + "/read-all", token, null).json().get("marked").asInt()).isEqualTo(2);
		assertThat(api().get(NOTIFICATIONS + "/unread-count", token).json().get("count").asLong()).isZero();
		assertThat(api().get(NOTIFICATIONS + "/unread-count", testing.tokenOf(bob)).json().get("count").asLong())
			.as("another person's stay unread").isEqualTo(2);
	}

	@Test
	void refusesABadCursorOrLimitAndAnonymousCallers() {
		String token = testing.tokenOf(alice);
		var badCursor = api().get(NOTIFICATIONS + "?cursor=not-a-cursor!", token);
		assertThat(badCursor.status()).isEqualTo(400);
		assertThat(badCursor.json().get("errors").has("cursor")).isTrue();
		var badLimit = api().get(NOTIFICATIONS + "?limit=0", token);
		assertThat(badLimit.status()).isEqualTo(400);
		assertThat(badLimit.json().get("errors").get("limit").asString()).contains("200");
		assertThat(api().get(NOTIFICATIONS, null).status()).isEqualTo(401);
		assertThat(api().post(NOTIFICATIONS + "/read-all", null, null).status()).isEqualTo(401);
	}
}
