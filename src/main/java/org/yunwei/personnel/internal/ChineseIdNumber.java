package org.yunwei.personnel.internal;

import java.util.regex.Pattern;

/**
 * The 18-character resident identity number (GB 11643): 17 digits and a check character (a digit or X) computed
 * with the standard's ISO 7064 MOD 11-2 weights, so that a mistyped digit is caught at input.
 */
final class ChineseIdNumber {

	private static final Pattern FORM = Pattern.compile("^[0-9]{17}[0-9X]$");
	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final char[] CHECK = "10X98765432".toCharArray();

	private ChineseIdNumber() {
	}

	/** The number in its normal form (a trailing x in capitals), or {@code null} when it is no valid number. */
	static String normalise(String value) {
		if (value == null) {
			return null;
		}
		String number = value.strip().toUpperCase(java.util.Locale.ROOT);
		if (!FORM.matcher(number).matches()) {
			return null;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11] == number.charAt(17) ? number : null;
	}
}
