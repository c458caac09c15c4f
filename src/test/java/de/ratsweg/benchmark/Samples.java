package de.ratsweg.benchmark;

import java.util.Arrays;
import java.util.Locale;

/**
 * Durations of one kind of operation, in nanoseconds, with their percentiles. Thread-safe
 * for adding.
 */
final class Samples {

	private long[] values = new long[256];

	private int count;

	private volatile String abandoned;

	synchronized void add(long nanos) {
		if (this.count == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.values.length * 2);
		}
		this.values[this.count++] = nanos;
	}

	/** Why measuring stopped early (e.g. the statement timeout), or {@code null}. */
	String abandoned() {
		return this.abandoned;
	}

	void abandon(String reason) {
		this.abandoned = reason;
	}

	synchronized int count() {
		return this.count;
	}

	/** The percentile (0..100) in milliseconds, nearest rank; NaN without samples. */
	synchronized double percentileMillis(double percentile) {
		if (this.count == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.values, this.count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
	}

	double p50() {
		return percentileMillis(50);
	}

	double p95() {
		return percentileMillis(95);
	}

	double p99() {
		return percentileMillis(99);
	}

	static String millis(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		return String.format(Locale.ROOT, (value < 10) ? "%.2f" : (value < 100) ? "%.1f" : "%.0f", value);
	}

}
