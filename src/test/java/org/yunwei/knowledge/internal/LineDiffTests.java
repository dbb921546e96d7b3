package org.yunwei.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.yunwei.knowledge.internal.LineDiff.Change;
import org.yunwei.knowledge.internal.LineDiff.Line;

class LineDiffTests {

	@Test
	void linesAreKeptRemovedOrAddedInReadingOrder() {
		List<Line> diff = LineDiff.between("一\n二\n三", "一\n贰\n三\n四");
		assertThat(diff).containsExactly(new Line(Change.KEPT, "一"), new Line(Change.REMOVED, "二"),
				new Line(Change.ADDED, "贰"), new Line(Change.KEPT, "三"), new Line(Change.ADDED, "四"));
	}

	@Test
	void anEmptyOlderTextIsAllAdded() {
		assertThat(LineDiff.between("", "a\nb")).extracting(Line::change).containsExactly(Change.ADDED, Change.ADDED);
	}
}
