package org.yunwei.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
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
}
