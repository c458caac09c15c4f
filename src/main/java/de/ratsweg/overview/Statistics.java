package de.ratsweg.overview;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long each phase took across the finished projects (median and maximum), and the
 * committee sessions each project needed, as rows of a table and bars of a chart drawn on
 * the server (SVG).
 *
 * @param finishedProjects how many finished projects the figures come from
 * @param phases one row per phase that at least one finished project passed
 * @param bars one bar per project with its committee sessions
 * @param chartHeight the height of the chart in pixels
 */
record Statistics(int finishedProjects, List<PhaseRow> phases, List<Bar> bars, int chartHeight) {

	/** Width of the longest bar in the chart, in pixels. */
	static final int BAR_AREA = 360;

	static final int BAR_HEIGHT = 22;

	static final int BAR_GAP = 8;

	static final int LABEL_WIDTH = 150;

	private static final double DAY = Duration.ofDays(1).toMillis();

	/**
	 * @param phase the phase (German)
	 * @param projects how many finished projects passed it
	 * @param median the median duration in days, German notation
	 * @param maximum the longest duration in days, German notation
	 */
	record PhaseRow(String phase, int projects, String median, String maximum) {
	}

	/**
	 * @param label the project number
	 * @param title the project's title
	 * @param sessions committee sessions
	 * @param y top of the bar
	 * @param width length of the bar
	 */
	record Bar(String label, String title, int sessions, int y, int width) {

		public int textY() {
			return this.y + BAR_HEIGHT - 6;
		}

	}

	static Statistics of(List<ProjectSummary> projects) {
		List<ProjectSummary> finished = projects.stream().filter(ProjectSummary::completed).toList();
		List<PhaseRow> rows = new ArrayList<>();
		for (Phase phase : Phase.values()) {
			List<Double> days = finished.stream()
				.filter((project) -> project.timeInPhase().containsKey(phase))
				.map((project) -> project.timeInPhase().get(phase) / DAY)
				.sorted()
				.toList();
			if (!days.isEmpty()) {
				rows.add(new PhaseRow(phase.label(), days.size(), german(median(days)),
						german(days.get(days.size() - 1))));
			}
		}
		int most = projects.stream().mapToInt(ProjectSummary::sessions).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		int y = BAR_GAP;
		for (ProjectSummary project : projects) {
			int width = (most == 0) ? 0 : Math.round((float) BAR_AREA * project.sessions() / most);
			bars.add(new Bar(project.businessKey(), project.title(), project.sessions(), y, width));
			y += BAR_HEIGHT + BAR_GAP;
		}
		return new Statistics(finished.size(), rows, bars, y);
	}

	private static double median(List<Double> sorted) {
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/** Days with one decimal, German notation: "12,5". */
	static String german(double days) {
		return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(days);
	}

	public int chartWidth() {
		return LABEL_WIDTH + BAR_AREA + 60;
	}

	public int labelWidth() {
		return LABEL_WIDTH;
	}

	public int barHeight() {
		return BAR_HEIGHT;
	}

}
