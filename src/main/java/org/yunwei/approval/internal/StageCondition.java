package org.yunwei.approval.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stage's condition on a request's facts, in a small language read by a hand-written parser and evaluated over
 * the facts alone, so that no policy author reaches Java or the database: comparisons ({@code = != < <= > >=}),
 * {@code in (…)} and {@code not in (…)}, {@code and}, {@code or}, {@code not}, parentheses, string literals in single
 * or double quotes, numbers, {@code true}/{@code false}, and fact names. For example
 * {@code risk in ('HIGH', 'CRITICAL') or (amount >= 10000 and not urgent)}.
 * <p>
 * A missing fact is equal to nothing and ordered against nothing: {@code amount > 5} is false without an amount.
 */
public final class StageCondition {

	/** The longest condition accepted. */
	public static final int MAX_LENGTH = 1000;

	private final String text;
	private final Node root;

	private StageCondition(String text, Node root) {
		this.text = text;
		this.root = root;
	}

	/**
	 * @throws ConditionSyntaxException naming the 1-based position where the text stops making sense
	 */
	public static StageCondition parse(String text) {
		if (text.length() > MAX_LENGTH) {
			throw new ConditionSyntaxException(MAX_LENGTH + 1, "too-long");
		}
		Parser parser = new Parser(new Lexer(text).tokens());
		Node root = parser.expression();
		parser.expectEnd();
		return new StageCondition(text, root);
	}

	public boolean test(Map<String, Object> facts) {
		return root.test(facts);
	}

	@Override
	public String toString() {
		return text;
	}

	/** A condition that does not parse: where, and what was wrong there ({@code approval.condition.<problem>}). */
	public static final class ConditionSyntaxException extends RuntimeException {

		private final int position;
		private final String problem;

		ConditionSyntaxException(int position, String problem) {
			super(problem + " at " + position);
			this.position = position;
			this.problem = problem;
		}

		public int position() {
			return position;
		}

		public String problem() {
			return problem;
		}
	}

	private enum Kind {
		NAME, STRING, NUMBER, TRUE, FALSE, AND, OR, NOT, IN, OPERATOR, OPEN, CLOSE, COMMA, END
	}

	private record Token(Kind kind, String text, int position) {
	}

	private static final class Lexer {

		private final String text;
		private int at;

		Lexer(String text) {
			this.text = text;
		}

		List<Token> tokens() {
			List<Token> tokens = new ArrayList<>();
			while (true) {
				while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
					at++;
				}
				if (at >= text.length()) {
					tokens.add(new Token(Kind.END, "", at + 1));
					return tokens;
				}
				tokens.add(next());
			}
		}

		private Token next() {
			int start = at;
			char c = text.charAt(at);
			if (c == '(' || c == ')' || c == ',') {
				at++;
				return new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c),
						start + 1);
			}
			if (c == '\'' || c == '"') {
				int end = text.indexOf(c, at + 1);
				if (end < 0) {
					throw new ConditionSyntaxException(start + 1, "unclosed-string");
				}
				at = end + 1;
				return new Token(Kind.STRING, text.substring(start + 1, end), start + 1);
			}
			if (Character.isDigit(c) || (c == '-' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
				at++;
				while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
					at++;
				}
				String number = text.substring(start, at);
				try {
					new BigDecimal(number);
				}
				catch (NumberFormatException e) {
					throw new ConditionSyntaxException(start + 1, "bad-number");
				}
				return new Token(Kind.NUMBER, number, start + 1);
			}
			if (c == '=' || c == '!' || c == '<' || c == '>') {
				at++;
				if (at < text.length() && text.charAt(at) == '=') {
					at++;
				}
				String operator = text.substring(start, at);
				if (operator.equals("!")) {
					throw new ConditionSyntaxException(start + 1, "unexpected");
				}
				return new Token(Kind.OPERATOR, operator.equals("==") ? "=" : operator, start + 1);
			}
			if (Character.isLetter(c) || c == '_') {
				while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
						|| text.charAt(at) == '.')) {
					at++;
				}
				String word = text.substring(start, at);
				Kind kind = switch (word.toLowerCase(Locale.ROOT)) {
					case "and" -> Kind.AND;
					case "or" -> Kind.OR;
					case "not" -> Kind.NOT;
					case "in" -> Kind.IN;
					case "true" -> Kind.TRUE;
					case "false" -> Kind.FALSE;
					default -> Kind.NAME;
				};
				return new Token(kind, word, start + 1);
			}
			throw new ConditionSyntaxException(start + 1, "unexpected");
		}
	}

	private static final class Parser {

		private final List<Token> tokens;
		private int at;

		Parser(List<Token> tokens) {
			this.tokens = tokens;
		}

		Node expression() {
			Node left = conjunction();
			while (peek().kind() == Kind.OR) {
				at++;
				Node a = left;
				Node b = conjunction();
				left = facts -> a.test(facts) || b.test(facts);
			}
			return left;
		}

		void expectEnd() {
			if (peek().kind() != Kind.END) {
				throw new ConditionSyntaxException(peek().position(), "unexpected");
			}
		}

		private Node conjunction() {
			Node left = negation();
			while (peek().kind() == Kind.AND) {
				at++;
				Node a = left;
				Node b = negation();
				left = facts -> a.test(facts) && b.test(facts);
			}
			return left;
		}

		private Node negation() {
			if (peek().kind() == Kind.NOT) {
				at++;
				Node inner = negation();
				return facts -> !inner.test(facts);
			}
			if (peek().kind() == Kind.OPEN) {
				at++;
				Node inner = expression();
				expect(Kind.CLOSE, "expected-close");
				return inner;
			}
			return comparison();
		}

		private Node comparison() {
			Operand left = operand();
			Token next = peek();
			if (next.kind() == Kind.OPERATOR) {
				at++;
				Operand right = operand();
				String operator = next.text();
				return facts -> compare(left.value(facts), operator, right.value(facts));
			}
			boolean negated = false;
			if (next.kind() == Kind.NOT && tokens.get(at + 1).kind() == Kind.IN) {
				at++;
				negated = true;
				next = peek();
			}
			if (next.kind() == Kind.IN) {
				at++;
				expect(Kind.OPEN, "expected-open");
				List<Operand> members = new ArrayList<>();
				members.add(literal());
				while (peek().kind() == Kind.COMMA) {
					at++;
					members.add(literal());
				}
				expect(Kind.CLOSE, "expected-close");
				boolean not = negated;
				return facts -> {
					Object value = left.value(facts);
					boolean found = members.stream().anyMatch(m -> compare(value, "=", m.value(facts)));
					return not != found;
				};
			}
			// a lone operand is a condition when it is a boolean: a fact such as "urgent", or true/false
			return facts -> Boolean.TRUE.equals(left.value(facts));
		}

		private Operand operand() {
			Token token = peek();
			if (token.kind() == Kind.NAME) {
				at++;
				String name = token.text();
				return facts -> facts.get(name);
			}
			return literal();
		}

		private Operand literal() {
			Token token = peek();
			Object value = switch (token.kind()) {
				case STRING -> token.text();
				case NUMBER -> new BigDecimal(token.text());
				case TRUE -> Boolean.TRUE;
				case FALSE -> Boolean.FALSE;
				case END -> throw new ConditionSyntaxException(token.position(), "unexpected-end");
				default -> throw new ConditionSyntaxException(token.position(), "expected-value");
			};
			at++;
			return facts -> value;
		}

		private void expect(Kind kind, String problem) {
			Token token = peek();
			if (token.kind() != kind) {
				throw new ConditionSyntaxException(token.position(),
						token.kind() == Kind.END ? "unexpected-end" : problem);
			}
			at++;
		}

		private Token peek() {
			return tokens.get(at);
		}
	}

	private interface Node {
		boolean test(Map<String, Object> facts);
	}

	private interface Operand {
		Object value(Map<String, Object> facts);
	}

	private static boolean compare(Object left, String operator, Object right) {
		if (left == null || right == null) {
			return operator.equals("!=") && (left != null || right != null);
		}
		Integer order = order(left, right);
		return switch (operator) {
			case "=" -> order != null && order == 0;
			case "!=" -> order == null || order != 0;
			case "<" -> order != null && order < 0;
			case "<=" -> order != null && order <= 0;
			case ">" -> order != null && order > 0;
			case ">=" -> order != null && order >= 0;
			default -> false;
		};
	}

	/** The order of two values of the same kind; {@code null} when they are of different kinds. */
	private static Integer order(Object left, Object right) {
		if (left instanceof Number a && right instanceof Number b) {
			return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
		}
		if (left instanceof String a && right instanceof String b) {
			return a.compareTo(b);
		}
		if (left instanceof Boolean a && right instanceof Boolean b) {
			return a.compareTo(b);
		}
		return null;
	}
}
