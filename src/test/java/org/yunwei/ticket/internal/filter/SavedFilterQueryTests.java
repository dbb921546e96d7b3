package org.yunwei.ticket.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.yunwei.ticket.internal.list.TicketQuery;
import org.yunwei.web.RejectedRequest;

class SavedFilterQueryTests {

	@Test
	void theSameFilterAlwaysHasTheSameTextAndKeepsMeForWhoeverRunsIt() {
		SavedFilterQuery query = SavedFilterQuery.parse("/tickets?sort=due&q=%E6%89%93%E5%8D%B0&assignee=me&status=open&major=on");
		assertThat(query.canonical()).isEqualTo("status=open&assignee=me&major=true&q=%E6%89%93%E5%8D%B0&sort=due");
		assertThat(query.q()).isEqualTo("打印");
		assertThat(query.toQuery(42, null, null, java.time.ZoneId.of("Asia/Shanghai")).assigneeUserId()).isEqualTo(42);
		assertThat(SavedFilterQuery.parse("assignee=none").toQuery(42, null, null, java.time.ZoneId.of("Asia/Shanghai")).assigneeUserId())
			.isEqualTo(TicketQuery.UNASSIGNED);
		assertThat(SavedFilterQuery.parse("").canonical()).isEmpty();
	}

	@Test
	void aBareListRequestIsTheOpenQueueByDueTime() {
		assertThat(SavedFilterQuery.of(new LinkedMultiValueMap<>()).canonical()).isEqualTo("status=open&sort=due");
		LinkedMultiValueMap<String, String> everything = new LinkedMultiValueMap<>();
		everything.add("status", "");
		assertThat(SavedFilterQuery.of(everything).canonical()).isEmpty();
	}

	@Test
	void unknownParametersAndValuesAreRefusedOnTheQueryField() {
		assertThatThrownBy(() -> SavedFilterQuery.parse("colour=red")).isInstanceOf(RejectedRequest.class)
			.extracting(e -> ((RejectedRequest) e).fieldErrors()).asString().contains("query");
		assertThatThrownBy(() -> SavedFilterQuery.parse("groupId=abc").checked()).isInstanceOf(RejectedRequest.class)
			.extracting(e -> ((RejectedRequest) e).fieldErrors().get("query")).isEqualTo("savedfilter.query.invalid");
		assertThatThrownBy(() -> SavedFilterQuery.parse("sort=sideways").checked())
			.isInstanceOf(RejectedRequest.class);
	}

	@Test
	void aStatisticsLinkIsAFilterLikeAnyOtherAndItsDaysAreChecked() {
		SavedFilterQuery link = SavedFilterQuery.parse(
				"/tickets?sla=resolution-met&resolvedTo=2025-03-31&resolvedFrom=2025-03-01&age=D1_3&categoryId=7");
		assertThat(link.canonical())
			.isEqualTo("resolvedFrom=2025-03-01&resolvedTo=2025-03-31&age=D1_3&categoryId=7&sla=resolution-met");
		assertThat(link.narrowedBeyondForm()).isTrue();
		TicketQuery query = link.toQuery(42, null, null, java.time.ZoneId.of("Asia/Shanghai"));
		assertThat(query.resolved().from()).isEqualTo(java.time.Instant.parse("2025-02-28T16:00:00Z"));
		assertThat(query.sla()).isEqualTo(TicketQuery.SlaOutcome.RESOLUTION_MET);
		assertThat(query.age()).isEqualTo(TicketQuery.Age.D1_3);
		assertThat(query.categoryId()).isEqualTo(7);
		assertThat(SavedFilterQuery.parse("createdFrom=2025-04-01").narrowedBeyondForm()).isFalse();
		assertThatThrownBy(() -> SavedFilterQuery.parse("createdFrom=2025-04-31").checked())
			.isInstanceOf(RejectedRequest.class);
		assertThatThrownBy(() -> SavedFilterQuery.parse("sla=sometimes").checked()).isInstanceOf(RejectedRequest.class);
	}
}
