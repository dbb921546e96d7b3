package org.yunwei.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what the application asks of PostgreSQL: every statement it executes, by the thread that ran it (a request,
 * an asynchronous event listener, anything else), by verb and by the table it is mainly about, and every
 * transaction it ends (a commit after at least one statement, or a statement in autocommit), telling those that wrote
 * from those that only read. Exact, unlike timings: a test compares the counts before and after some work.
 * <p>
 * Works as a JDBC driver for URLs {@code jdbc:tallied:postgresql://…} ({@link #url}) that hands the connection over to
 * PostgreSQL's driver and counts on the way, so that the application's own pool, transactions and listeners run as
 * they do in production. Statements on the test's own thread count as "other".
 */
public final class StatementTally {

	private static final String PREFIX = "jdbc:tallied:";
	private static final Pattern INSERT = Pattern.compile("\\binsert\\s+into\\s+([a-z_][a-z0-9_.]*)");
	private static final Pattern UPDATE = Pattern.compile("\\bupdate\\s+([a-z_][a-z0-9_.]*)\\s+set\\b");
	private static final Pattern DELETE = Pattern.compile("\\bdelete\\s+from\\s+([a-z_][a-z0-9_.]*)");
	private static final Pattern FROM = Pattern.compile("\\bfrom\\s+([a-z_][a-z0-9_.]*)");
	private static final Pattern COMMENT = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

	private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

	static {
		try {
			DriverManager.registerDriver(new TalliedDriver());
		}
		catch (SQLException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private StatementTally() {
	}

	/** The URL under which the counting driver reaches the database of {@code jdbcUrl}. */
	public static String url(String jdbcUrl) {
		return PREFIX + jdbcUrl.substring("jdbc:".length());
	}

	/** Everything counted so far, by key (see {@link Counts}). */
	public static Counts counts() {
		Map<String, Long> copy = new TreeMap<>();
		COUNTS.forEach((key, adder) -> copy.put(key, adder.sum()));
		return new Counts(copy);
	}

	/**
	 * Counts by key: {@code statement|<thread>|<verb> <table>}, {@code row read|<thread>|<verb> <table>} (rows of
	 * their results that the application read), {@code transaction|<thread>|read} or {@code …|write},
	 * {@code rollback|<thread>}; the thread is {@code request}, {@code listener} or {@code other}.
	 */
	public record Counts(Map<String, Long> values) {

		/** What was counted in this and not in {@code before}. */
		public Counts since(Counts before) {
			Map<String, Long> difference = new TreeMap<>();
			values.forEach((key, value) -> {
				long d = value - before.values.getOrDefault(key, 0L);
				if (d != 0) {
					difference.put(key, d);
				}
			});
			return new Counts(difference);
		}

		/** The sum of the counts whose key starts with {@code prefix}. */
		public long sum(String prefix) {
			return values.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
				.mapToLong(Map.Entry::getValue).sum();
		}

		/** The work of requests and listeners, without the test's own statements. */
		public Counts ofApplication() {
			Map<String, Long> kept = new TreeMap<>();
			values.forEach((key, value) -> {
				if (!key.contains("|other")) {
					kept.put(key, value);
				}
			});
			return new Counts(kept);
		}
	}

	static String thread() {
		String name = Thread.currentThread().getName();
		if (name.startsWith("listener-")) {
			return "listener";
		}
		if (name.startsWith("tomcat") || name.startsWith("http-")) {
			return "request";
		}
		return "other";
	}

	private static void add(String key) {
		COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
	}

	/** The verb and main table of a statement, e.g. {@code insert ticket}, {@code select app_user}. */
	static String kind(String sql) {
		String s = COMMENT.matcher(sql).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
		String verb = s.isEmpty() ? "?" : s.split("\\s+", 2)[0];
		String table = switch (verb) {
			case "insert" -> first(INSERT, s);
			case "update" -> first(UPDATE, s);
			case "delete" -> first(DELETE, s);
			case "select" -> first(FROM, s);
			case "with" -> {
				// the tables a statement with common table expressions writes, else reads
				String written = first(INSERT, s);
				written = written != null ? written : first(UPDATE, s);
				written = written != null ? written : first(DELETE, s);
				yield written != null ? "writing " + written : first(FROM, s);
			}
			default -> null;
		};
		if ("select".equals(verb) && s.contains(" for update")) {
			verb = "select for update";
		}
		return table == null ? verb : verb + " " + table;
	}

	static boolean writes(String kind) {
		return !kind.startsWith("select") || kind.startsWith("select for update")
				|| kind.startsWith("with writing");
	}

	private static String first(Pattern pattern, String sql) {
		Matcher m = pattern.matcher(sql);
		return m.find() ? m.group(1) : null;
	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

	/** One connection's transaction: whether a statement ran since it began, and whether one wrote. */
	private static final class CountedConnection implements InvocationHandler {

		private final Connection connection;
		private boolean autoCommit;
		private boolean open;
		private boolean wrote;

		CountedConnection(Connection connection) throws SQLException {
			this.connection = connection;
			this.autoCommit = connection.getAutoCommit();
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("equals") && method.getDeclaringClass() == Object.class) {
				// a proxy equals only itself, as the object it wraps does
				return proxy == args[0];
			}
			switch (method.getName()) {
				case "commit" -> {
					Object result = call(connection, method, args);
					ended(true);
					return result;
				}
				case "rollback" -> {
					Object result = call(connection, method, args);
					if (args == null || args.length == 0) {
						ended(false);
					}
					return result;
				}
				case "setAutoCommit" -> {
					Object result = call(connection, method, args);
					boolean on = (Boolean) args[0];
					if (on && !autoCommit) {
						ended(true);
					}
					autoCommit = on;
					return result;
				}
				case "prepareStatement", "prepareCall" -> {
					Object statement = call(connection, method, args);
					Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
							: PreparedStatement.class;
					return Proxy.newProxyInstance(StatementTally.class.getClassLoader(), new Class<?>[] { type },
							new CountedStatement(this, statement, (String) args[0]));
				}
				case "createStatement" -> {
					Object statement = call(connection, method, args);
					return Proxy.newProxyInstance(StatementTally.class.getClassLoader(),
							new Class<?>[] { Statement.class }, new CountedStatement(this, statement, null));
				}
				default -> {
					return call(connection, method, args);
				}
			}
		}

		String executed(String sql, String suffix) {
			String kind = kind(sql) + suffix;
			String thread = thread();
			add("statement|" + thread + "|" + kind);
			if (autoCommit) {
				add("transaction|" + thread + "|" + (writes(kind) ? "write" : "read"));
			}
			else {
				open = true;
				wrote |= writes(kind);
			}
			return thread + "|" + kind;
		}

		private void ended(boolean committed) {
			if (open) {
				add((committed ? "transaction|" : "rollback|") + thread() + (committed ? wrote ? "|write" : "|read" : ""));
			}
			open = false;
			wrote = false;
		}
	}

	/** Counts a statement's executions; a batch counts once, as it is one round trip. */
	private static final class CountedStatement implements InvocationHandler {

		private final CountedConnection connection;
		private final Object statement;
		private final String sql;
		private String batched;
		private int batchSize;
		/** The thread and kind of the statement last executed, which the rows of its result count under. */
		private String last;

		CountedStatement(CountedConnection connection, Object statement, String sql) {
			this.connection = connection;
			this.statement = statement;
			this.sql = sql;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("equals") && method.getDeclaringClass() == Object.class) {
				// a proxy equals only itself, as the object it wraps does
				return proxy == args[0];
			}
			String name = method.getName();
			if (name.equals("addBatch")) {
				batched = args == null || args.length == 0 ? sql : (String) args[0];
				batchSize++;
			}
			else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
				if (batchSize > 0) {
					connection.executed(batched, " (batch)");
				}
				batchSize = 0;
			}
			else if (name.equals("clearBatch")) {
				batchSize = 0;
			}
			else if (name.startsWith("execute")) {
				last = connection.executed(args != null && args.length > 0 && args[0] instanceof String s ? s : sql,
						"");
			}
			Object result = call(statement, method, args);
			if (result instanceof ResultSet rows && last != null) {
				return Proxy.newProxyInstance(StatementTally.class.getClassLoader(), new Class<?>[] { ResultSet.class },
						new CountedRows(rows, last));
			}
			return result;
		}
	}

	/** Counts the rows a statement answers, as they are read. */
	private record CountedRows(ResultSet rows, String key) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("equals") && method.getDeclaringClass() == Object.class) {
				// a proxy equals only itself, as the object it wraps does
				return proxy == args[0];
			}
			Object result = call(rows, method, args);
			if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
				add("row read|" + key);
			}
			return result;
		}
	}

	private static final class TalliedDriver implements Driver {

		@Override
		public Connection connect(String url, Properties info) throws SQLException {
			if (!acceptsURL(url)) {
				return null;
			}
			Connection connection = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
			return (Connection) Proxy.newProxyInstance(StatementTally.class.getClassLoader(),
					new Class<?>[] { Connection.class }, new CountedConnection(connection));
		}

		@Override
		public boolean acceptsURL(String url) {
			return url != null && url.startsWith(PREFIX);
		}

		@Override
		public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
			return new DriverPropertyInfo[0];
		}

		@Override
		public int getMajorVersion() {
			return 1;
		}

		@Override
		public int getMinorVersion() {
			return 0;
		}

		@Override
		public boolean jdbcCompliant() {
			return false;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}
	}
}
