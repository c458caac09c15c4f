package de.ratsweg.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules on a page and keeps every serious or
 * critical finding that {@code accessibility-allow-list.txt} (beside this class) does not
 * accept with its reason.
 */
final class AccessibilityAllowList {

	static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private record Entry(String rule, String page, String reason) {

		boolean accepts(String page, Rule finding) {
			return this.rule.equals(finding.getId()) && (this.page.equals("*") || this.page.equals(page));
		}

	}

	private final List<Entry> entries;

	private final Set<Entry> used = new HashSet<>();

	private final List<String> findings = new ArrayList<>();

	private int pagesChecked;

	private AccessibilityAllowList(List<Entry> entries) {
		this.entries = entries;
	}

	static AccessibilityAllowList read() {
		try (InputStream in = AccessibilityAllowList.class.getResourceAsStream("accessibility-allow-list.txt")) {
			List<Entry> entries = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\\|", 3);
				if (parts.length < 3 || parts[2].isBlank()) {
					throw new IllegalStateException("An allow-list entry needs rule | page | reason: " + line);
				}
				entries.add(new Entry(parts[0].trim(), parts[1].trim(), parts[2].trim()));
			}
			return new AccessibilityAllowList(entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Checks the page the browser shows now, under the given name. */
	void check(Browser browser, String page) {
		Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver());
		if (results.getPasses().isEmpty()) {
			this.findings.add(page + ": axe-core ran no rule");
		}
		for (Rule finding : results.getViolations()) {
			if (!"serious".equals(finding.getImpact()) && !"critical".equals(finding.getImpact())) {
				continue;
			}
			Entry entry = this.entries.stream().filter((e) -> e.accepts(page, finding)).findFirst().orElse(null);
			if (entry != null) {
				this.used.add(entry);
			}
			else {
				this.findings
					.add(page + ": " + finding.getImpact() + " " + finding.getId() + " (" + finding.getHelp() + ") at "
							+ finding.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList());
			}
		}
		this.pagesChecked++;
	}

	/** What was found and not accepted, and entries that no page needed. */
	List<String> problems() {
		List<String> problems = new ArrayList<>(this.findings);
		this.entries.stream()
			.filter((entry) -> !this.used.contains(entry))
			.forEach((entry) -> problems.add("allow-list entry no page needs: " + entry.rule() + " | " + entry.page()));
		return problems;
	}

	int pagesChecked() {
		return this.pagesChecked;
	}

}
