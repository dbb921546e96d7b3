package org.yunwei.knowledge.internal.usage;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.knowledge.KnowledgeHit;
import org.yunwei.knowledge.internal.search.ArticleSearch;
import org.yunwei.knowledge.internal.search.ResolvedTicketSearch;
import org.yunwei.ticket.TicketReference;

/**
 * What a ticket's subject suggests while it is typed, a request per keystroke: the articles the writer may read and
 * the similar resolved incidents of their scope, asked side by side. Over a city's 900,000 finished tickets the
 * incidents are most of a keystroke's time, and the articles' search (which takes its reader as an argument, so it
 * needs nothing of the request's thread) need not wait for them.
 */
@Component
class SubjectSuggestions implements DisposableBean {

	/** The articles and the incidents a subject suggests, each. */
	static final int EACH = 5;

	private final ArticleSearch articles;
	private final ResolvedTicketSearch resolvedTickets;
	// the articles' search waits on the database to check its page: a virtual thread each
	private final ExecutorService beside = Executors.newVirtualThreadPerTaskExecutor();

	SubjectSuggestions(ArticleSearch articles, ResolvedTicketSearch resolvedTickets) {
		this.articles = articles;
		this.resolvedTickets = resolvedTickets;
	}

	/** What a subject suggests. */
	record Suggested(List<KnowledgeHit> articles, List<TicketReference> incidents) {
	}

	/** The best articles and incidents for the text, for the signed-in reader. */
	Suggested of(String text, Actor reader) {
		CompletableFuture<List<KnowledgeHit>> found = CompletableFuture
			.supplyAsync(() -> articles.search(text, EACH, reader), beside);
		List<TicketReference> incidents = resolvedTickets.similarIncidents(text, EACH);
		try {
			return new Suggested(found.join(), incidents);
		}
		catch (CompletionException failed) {
			if (failed.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw failed;
		}
	}

	@Override
	public void destroy() {
		beside.close();
	}
}
