package org.yunwei.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times a GET from a process of its own, over one kept connection, as a browser or another system asks the API. A
 * benchmark whose application runs in the test JVM and whose client runs there too measures both: the client's
 * threads and garbage share the two cores and the heap with the server (the change calendar's month view: p99 54–89
 * ms from the test JVM, 27 ms from curl in the same minutes).
 */
public final class RequestTimer {

	private static final int WARM_UP = 20;

	private RequestTimer() {
	}

	/** The times of {@code runs} requests (after a warm-up), sorted, in nanoseconds; fails on an answer other than 200. */
	public static long[] time(String url, String token, int runs) {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = List.of(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
				RequestTimer.class.getName(), url, token, String.valueOf(runs));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			List<Long> nanos = new ArrayList<>();
			List<String> other = new ArrayList<>();
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.matches("\\d+")) {
						nanos.add(Long.parseLong(line));
					}
					else {
						other.add(line);
					}
				}
			}
			if (process.waitFor() != 0 || nanos.size() != runs) {
				throw new IllegalStateException("the timing client failed: " + String.join("\n", other));
			}
			long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
			Arrays.sort(sorted);
			return sorted;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** {@code url token runs}: prints each run's nanoseconds on a line of its own. */
	public static void main(String[] args) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(args[0]))
			.header("Authorization", "Bearer " + args[1])
			.header("Accept", "application/json")
			.GET()
			.build();
		int runs = Integer.parseInt(args[2]);
		StringBuilder out = new StringBuilder();
		for (int i = -WARM_UP; i < runs; i++) {
			long start = System.nanoTime();
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			long took = System.nanoTime() - start;
			if (response.statusCode() != 200) {
				System.out.println("answer " + response.statusCode() + ": "
						+ new String(response.body(), StandardCharsets.UTF_8));
				System.exit(2);
			}
			if (i >= 0) {
				out.append(took).append('\n');
			}
		}
		System.out.print(out);
	}
}
