package org.yunwei.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's own bookkeeping: a ticket put again replaces its document, a removed one is gone. */
class ResolvedTicketIndexTests {

	@TempDir
	Path directory;

	@Test
	void aTicketPutAgainReplacesItsDocumentAndARemovedOneIsGone() throws Exception {
		ResolvedTicketIndex index = new ResolvedTicketIndex(directory);
		try {
			index.put(new IndexedTicket(7, "INCIDENT", 1L, 2, "复印机卡纸", "更换搓纸轮。"));
			index.commit(1, "e");
			assertThat(count(index, "7")).isEqualTo(1);
			index.put(new IndexedTicket(7, "INCIDENT", 1L, 2, "复印机卡纸", "更换定影组件。"));
			index.commit(2, "e");
			assertThat(count(index, "7")).isEqualTo(1);
			assertThat(index.documents()).isEqualTo(1);
			index.remove(7);
			index.commit(3, "e");
			assertThat(index.documents()).isZero();
			assertThat(index.applied()).isEqualTo(3);
		}
		finally {
			index.destroy();
		}
		// reopened, it knows how far it got
		ResolvedTicketIndex again = new ResolvedTicketIndex(directory);
		try {
			assertThat(again.applied()).isEqualTo(3);
			assertThat(again.epoch()).isEqualTo("e");
		}
		finally {
			again.destroy();
		}
		assertThat(Files.exists(directory)).isTrue();
	}

	private static long count(ResolvedTicketIndex index, String id) throws Exception {
		IndexSearcher searcher = index.searchers().acquire();
		try {
			return searcher.count(new TermQuery(new Term(ResolvedTicketIndex.ID, id)));
		}
		finally {
			index.searchers().release(searcher);
		}
	}
}
