package de.ratsweg.committee;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result table against what real council information systems publish
 * ({@code src/test/resources/committee/result-vocabulary.tsv}: texts collected from
 * public OParl data and council web pages, with their sources). Every text is read as
 * what it means or goes to the office; none is read as passed that does not say so. The
 * share the table reads is written to {@code target/committee/result-vocabulary.md}.
 */
class CommitteeResultVocabularyTest {

	private static final Path VOCABULARY = Path.of("src/test/resources/committee/result-vocabulary.tsv");

	/**
	 * What the table may answer for a text of each meaning: the meaning, or the office.
	 */
	private static final Map<String, Set<String>> ACCEPTED = Map.ofEntries(
			Map.entry("passed", Set.of(CommitteeResolution.PASSED)),
			Map.entry("passedWithChanges", Set.of(CommitteeResolution.PASSED_WITH_CHANGES)),
			Map.entry("rejected", Set.of(CommitteeResolution.REJECTED)),
			Map.entry("postponed", Set.of(CommitteeResolution.POSTPONED)),
			Map.entry("removed-from-agenda", Set.of(CommitteeResolution.POSTPONED)),
			Map.entry("deferred", Set.of(CommitteeResolution.DEFERRED)),
			Map.entry("noted", Set.of(CommitteeResolution.NOTED)),
			Map.entry("referred", Set.of(CommitteeResolution.REFERRED)),
			Map.entry("partly", Set.of(CommitteeResolution.PASSED_WITH_CHANGES)), Map.entry("withdrawn", Set.of()),
			Map.entry("unclear", Set.of()));

	record Text(String text, String meaning, String system, String source) {
	}

	@Test
	void realResultTextsAreReadAsWhatTheyMeanOrGoToTheOffice() throws IOException {
		List<Text> texts = vocabulary();
		Map<String, int[]> byMeaning = new TreeMap<>();
		List<String> wrong = new ArrayList<>();
		int read = 0;
		int readable = 0;
		for (Text text : texts) {
			String outcome = CommitteeResultDecisionTest.outcomeOf(text.text());
			Set<String> accepted = ACCEPTED.get(text.meaning());
			assertThat(accepted).as("meaning of „%s“", text.text()).isNotNull();
			int[] counts = byMeaning.computeIfAbsent(text.meaning(), (meaning) -> new int[2]);
			counts[0]++;
			if (!accepted.isEmpty()) {
				readable++;
			}
			if (accepted.contains(outcome)) {
				counts[1]++;
				read++;
			}
			else if (!CommitteeResolution.UNCLEAR.equals(outcome)) {
				wrong.add("„" + text.text() + "“ (" + text.meaning() + ") read as " + outcome);
			}
		}
		report(texts.size(), readable, read, byMeaning, wrong);
		assertThat(texts).as("distinct texts from public sources").hasSizeGreaterThanOrEqualTo(60);
		assertThat(wrong).as("texts read as something they do not mean").isEmpty();
	}

	private static List<Text> vocabulary() throws IOException {
		List<Text> texts = new ArrayList<>();
		for (String line : Files.readAllLines(VOCABULARY, StandardCharsets.UTF_8)) {
			if (line.startsWith("#") || line.startsWith("text\t") || line.isBlank()) {
				continue;
			}
			String[] columns = line.split("\t", -1);
			texts.add(new Text(columns[0], columns[1], columns[2], columns[3]));
		}
		return texts;
	}

	private static void report(int total, int readable, int read, Map<String, int[]> byMeaning, List<String> wrong)
			throws IOException {
		StringBuilder report = new StringBuilder("# Result texts of real council information systems\n\n");
		report.append("| meaning | texts | read as such | to the office |\n|---|---:|---:|---:|\n");
		byMeaning.forEach((meaning, counts) -> report.append("| ")
			.append(meaning)
			.append(" | ")
			.append(counts[0])
			.append(" | ")
			.append(counts[1])
			.append(" | ")
			.append(counts[0] - counts[1])
			.append(" |\n"));
		report.append("\n")
			.append(total)
			.append(" distinct texts; ")
			.append(readable)
			.append(" say what happened, ")
			.append(read)
			.append(" of them read as such (")
			.append(Math.round(100.0 * read / readable))
			.append(" %); wrong readings: ")
			.append(wrong.size())
			.append(".\n");
		wrong.forEach((line) -> report.append("- ").append(line).append('\n'));
		Path file = Path.of("target/committee/result-vocabulary.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
	}

}
