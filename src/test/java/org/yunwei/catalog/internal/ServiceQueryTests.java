package org.yunwei.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.yunwei.web.RejectedRequest;

class ServiceQueryTests {

	@Test
	void continuesAfterTheRowItsCursorNames() {
		var row = new ServiceSummary(42, "PC:REPAIR", "办公电脑:维修", null, 1, "分类", 7, List.of(), true);
		String cursor = ServiceQuery.Cursor.after(ServiceQuery.Sort.NAME, row).encode();

		ServiceQuery query = ServiceQuery.of(null, null, null, null, null, "name", 10, cursor);

		assertThat(query.after()).isEqualTo(new ServiceQuery.Cursor(ServiceQuery.Sort.NAME, 42, "办公电脑:维修"));
	}

	@Test
	void defaultsToFiftyByCode() {
		ServiceQuery query = ServiceQuery.of(null, "government_cloud", null, "  ", null, null, null, null);

		assertThat(query.sort()).isEqualTo(ServiceQuery.Sort.CODE);
		assertThat(query.limit()).isEqualTo(50);
		assertThat(query.object()).isEqualTo(ServiceObjectKind.GOVERNMENT_CLOUD);
		assertThat(query.q()).isNull();
	}

	@Test
	void refusesWhatItCannotReadNamingEachParameter() {
		String byCode = ServiceQuery.Cursor.after(ServiceQuery.Sort.CODE,
				new ServiceSummary(1, "A", "a", null, 1, "c", 1, List.of(), true)).encode();

		assertThatThrownBy(() -> ServiceQuery.of(null, "boat", null, null, null, "price", 500, "%%%"))
			.isInstanceOfSatisfying(RejectedRequest.class, refused -> assertThat(refused.fieldErrors())
				.containsOnlyKeys("object", "sort", "limit", "cursor"));
		// a cursor of one order cannot continue another
		assertThatThrownBy(() -> ServiceQuery.of(null, null, null, null, null, "name", null, byCode))
			.isInstanceOfSatisfying(RejectedRequest.class,
					refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("cursor"));
	}
}
