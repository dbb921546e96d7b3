package org.yunwei.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Independent reads of one request run side by side: each on a virtual thread of its own (no pool to size or close)
 * that carries the request's signed-in reader, and its answer taken back as if it had run on the request's thread.
 * Used where a page or answer gathers several slow parts whose times would otherwise add up (the register's evidence
 * sources, global search's sources, the statistics dashboard's queries).
 */
public final class Alongside {

	private Alongside() {
	}

	/** Starts {@code work} now on a virtual thread named {@code name}, with the caller's security context. */
	public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
		CompletableFuture<T> answer = new CompletableFuture<>();
		Runnable task = new DelegatingSecurityContextRunnable(() -> {
			try {
				answer.complete(work.get());
			}
			catch (Throwable failure) {
				answer.completeExceptionally(failure);
			}
		});
		Thread.ofVirtual().name(name).start(task);
		return answer;
	}

	/** The work's answer, or the work's own exception (a refusal stays a refusal, an outage an outage). */
	public static <T> T joined(CompletableFuture<T> answer) {
		try {
			return answer.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw e;
		}
	}
}
