package org.yunwei.ticket.internal.list;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by a PostgreSQL server running on the same Linux machine, for benchmarks on a
 * machine that other work shares: the time a request waits for a core grows with the load, its CPU time does not.
 */
final class ServerCpu {

	/** Linux's clock tick, in which {@code /proc/<pid>/stat} counts ({@code getconf CLK_TCK}). */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private ServerCpu() {
	}

	static long jvmNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * CPU time of this JVM's living threads whose name starts with one of the prefixes: the part of {@link #jvmNanos}
	 * that a benchmark's own clients take.
	 */
	static long threadNanos(String... namePrefixes) {
		var threads = ManagementFactory.getThreadMXBean();
		long nanos = 0;
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			for (String prefix : namePrefixes) {
				if (thread.getName().startsWith(prefix)) {
					nanos += Math.max(0, threads.getThreadCpuTime(thread.threadId()));
					break;
				}
			}
		}
		return nanos;
	}

	/** The postmaster of the connection's server; -1 when it does not run on this machine (or this is no Linux). */
	static long postmasterOf(Connection connection) throws SQLException {
		long backend;
		try (var statement = connection.createStatement(); var rs = statement.executeQuery("select pg_backend_pid()")) {
			rs.next();
			backend = rs.getLong(1);
		}
		long[] stat = stat(backend);
		if (stat == null) {
			return -1;
		}
		long[] parent = stat(stat[0]);
		return parent == null ? -1 : stat[0];
	}

	/**
	 * CPU time of the postmaster, of its children that ended (which the kernel adds to it when they are reaped) and
	 * of its living children (the backends, autovacuum, the writers).
	 */
	static long nanos(long postmaster) {
		if (postmaster < 0) {
			return 0;
		}
		long[] own = stat(postmaster);
		long ticks = own == null ? 0 : own[1] + own[2] + own[3] + own[4];
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.toList()) {
				String name = process.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				long[] child = stat(Long.parseLong(name));
				if (child != null && child[0] == postmaster) {
					ticks += child[1] + child[2];
				}
			}
		}
		catch (IOException e) {
			return 0;
		}
		return ticks * NANOS_PER_TICK;
	}

	/** Parent pid, utime, stime, cutime, cstime of a process; {@code null} when it is not there. */
	private static long[] stat(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// the command name (in parentheses) may hold spaces: the fields that follow it are plain
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
					Long.parseLong(fields[13]), Long.parseLong(fields[14]) };
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}
}
