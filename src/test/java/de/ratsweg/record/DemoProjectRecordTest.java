package de.ratsweg.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import de.ratsweg.SeparateApplication;
import de.ratsweg.TestProfiles;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The decision record of the demo projects over HTTP: every decision of the project the
 * board rejected, as JSON and as PDF, for the people of its own city only.
 */
class DemoProjectRecordTest {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	/**
	 * Soest's project the board rejected: finished (see {@code demo/DemoProjects}).
	 */
	private static final String REJECTED = "DEMO-SO-4";

	/** Soest's project that went all the way, with a postponement in the committees. */
	private static final String ORGANISED = "DEMO-SO-5";

	/** Soest's project in which the board votes by circulation. */
	private static final String IN_CIRCULATION = "DEMO-SO-2";

	static final Path OUTPUT = Path.of("target", "record");

	private static ConfigurableApplicationContext demo;

	private static TestRestTemplate http;

	@BeforeAll
	static void startTheDemo() {
		assumeTrue(!TestProfiles.onPostgres(), "the demo runs on H2 only");
		demo = SeparateApplication.withProfiles().property("ratsweg.processes.location", "processes").run();
		int port = ((WebServerApplicationContext) demo).getWebServer().getPort();
		http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
	}

	@AfterAll
	static void stopTheDemo() {
		if (demo != null) {
			demo.close();
		}
	}

	@Test
	void theRecordOfTheRejectedProjectListsEveryDecisionWithWhoTookItAndWhy() {
		ResponseEntity<Map<String, Object>> response = get(DemoRoster.STAFF, REJECTED, MediaType.APPLICATION_JSON);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		Map<String, Object> record = response.getBody();
		assertThat(record).containsEntry("businessKey", REJECTED)
			.containsEntry("title", "Drohnenlieferung für Medikamente")
			.containsEntry("municipality", "Stadt Soest")
			.containsEntry("outcome", "vom Verwaltungsvorstand abgelehnt");
		assertThat(record.get("started")).isNotNull();
		assertThat(record.get("ended")).isNotNull();
		List<Map<String, Object>> decisions = decisions(record);
		// the demo takes each step on a day of its own in the past
		assertThat(decisions)
			.extracting((d) -> d.get("step"), (d) -> d.get("actorId"), (d) -> d.get("actorName"), (d) -> d.get("role"),
					(d) -> d.get("outcome"), (d) -> d.get("text"))
			.map((row) -> tuple(Arrays.stream(row.toArray()).map(DemoProjectRecordTest::anyDay).toArray()))
			.containsExactly(
					tuple("Projektidee eingereicht", "mmueller", "Maria Müller", "Sachbearbeitung", "eingereicht",
							"Bedarfslücke: Apotheken am Stadtrand sind schlecht erreichbar.\n"
									+ "Geschätzte Kosten: 900.000,00 EUR"),
					tuple("Mitzeichnung", "akaiser", "Andrea Kaiser", "Kämmerei", "zugestimmt", null),
					tuple("Mitzeichnung", "jwagner", "Jonas Wagner", "Fachbereich IT und Digitalisierung", "zugestimmt",
							null),
					tuple("Mitzeichnung", "shoffmann", "Sabine Hoffmann", "Datenschutz", "zugestimmt", null),
					tuple("Mitzeichnung", "nschmitz", "Nina Schmitz", "Fachbereich Umwelt", "zugestimmt", null),
					tuple("Vorlage für den Verwaltungsvorstand", "lfischer", "Lena Fischer", "Vorstandsbüro",
							"Entscheidung in der Sitzung am TT.MM.JJJJ", "Pilot Drohnenlieferung"),
					tuple("Beschluss des Verwaltungsvorstands (Sitzung am TT.MM.JJJJ)", "lfischer", "Lena Fischer",
							"Vorstandsbüro", "abgelehnt", "Rechtlich und finanziell derzeit nicht darstellbar"),
					tuple("Ergebnis des Vorhabens", null, "Ratsweg (automatisch)", null,
							"vom Verwaltungsvorstand abgelehnt", "Rechtlich und finanziell derzeit nicht darstellbar"));
		assertThat(decisions.get(decisions.size() - 1)).containsEntry("time", record.get("ended"));
		assertThat(decisions).extracting((d) -> d.get("municipality")).containsOnly("Stadt Soest");
		assertThat(decisions).extracting((d) -> String.valueOf(d.get("time")))
			.isSortedAccordingTo(
					(a, b) -> OffsetDateTime.parse(a).toInstant().compareTo(OffsetDateTime.parse(b).toInstant()));
	}

	@Test
	void aRunningProjectShowsTheDecisionsSoFar() {
		Map<String, Object> record = get(DemoRoster.BOARD_MEMBER, IN_CIRCULATION, MediaType.APPLICATION_JSON).getBody();

		assertThat(record).containsEntry("outcome", "in Bearbeitung").containsEntry("ended", null);
		assertThat(decisions(record)).extracting((d) -> d.get("step"), (d) -> d.get("outcome"))
			.contains(tuple("Vorlage für den Verwaltungsvorstand", "Entscheidung im Umlaufverfahren (5 Tage)"))
			.doesNotContain(tuple("Ergebnis des Vorhabens", "in Bearbeitung"));
	}

	@Test
	void thePdfHeadsEveryPageWithTheCityAndListsTheDecisions() throws IOException {
		ResponseEntity<byte[]> response = http.withBasicAuth(DemoRoster.STAFF, DemoRoster.PASSWORD)
			.exchange("/api/projects/{key}/record", HttpMethod.GET, accepting(MediaType.APPLICATION_PDF), byte[].class,
					REJECTED);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("inline; filename=\"Aktenvermerk-DEMO-SO-4.pdf\"");
		byte[] pdf = response.getBody();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		Files.createDirectories(OUTPUT);
		Files.write(OUTPUT.resolve("Aktenvermerk-DEMO-SO-4.pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).as("eight decisions fit on one page").isEqualTo(1);
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Stadt Soest", "Seite 1 von 1", "Aktenvermerk",
					"Drohnenlieferung für Medikamente", "DEMO-SO-4", "vom Verwaltungsvorstand abgelehnt",
					"Maria Müller", "Projektidee eingereicht", "Andrea Kaiser", "Kämmerei", "zugestimmt",
					"Lena Fischer", "Vorstandsbüro", "Rechtlich und finanziell derzeit nicht darstellbar",
					"Bedarfslücke: Apotheken am Stadtrand");
			assertThat(document.getDocumentInformation().getTitle())
				.isEqualTo("Aktenvermerk DEMO-SO-4: Drohnenlieferung für Medikamente");
		}

		ResponseEntity<byte[]> byName = http.withBasicAuth(DemoRoster.STAFF, DemoRoster.PASSWORD)
			.getForEntity("/api/projects/{key}/record.pdf", byte[].class, REJECTED);
		assertThat(byName.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
	}

	@Test
	void theRecordOfAProjectThatWentAllTheWayRunsOverPages() throws IOException {
		ResponseEntity<String> json = http.withBasicAuth(DemoRoster.STAFF, DemoRoster.PASSWORD)
			.getForEntity("/api/projects/{key}/record", String.class, ORGANISED);
		Files.createDirectories(OUTPUT);
		Files.writeString(OUTPUT.resolve("Aktenvermerk-" + ORGANISED + ".json"), json.getBody());
		Map<String, Object> record = get(DemoRoster.STAFF, ORGANISED, MediaType.APPLICATION_JSON).getBody();

		assertThat(record).containsEntry("outcome", "Projektorganisation steht");
		List<Map<String, Object>> decisions = decisions(record);
		assertThat(decisions).extracting((d) -> d.get("step"), (d) -> d.get("actorName"), (d) -> d.get("outcome"))
			.contains(tuple("Finanzierungsweg bestimmt (Entscheidungstabelle)", "Ratsweg (automatisch)",
					"Haushaltsmittel"))
			.endsWith(tuple("Ergebnis des Vorhabens", "Ratsweg (automatisch)", "Projektorganisation steht"));
		assertThat(decisions).filteredOn((d) -> "vertagt".equals(d.get("outcome")))
			.singleElement()
			.satisfies((d) -> assertThat(d).containsEntry("actorName", "Katrin Weber")
				.extractingByKey("step")
				.asString()
				.matches("Sitzung am \\d{2}\\.\\d{2}\\.\\d{4}, Drucksache: 2025/0412"));
		assertThat(decisions).extracting((d) -> d.get("step"))
			.as("the demo's clock stands at 10:00 for each step: the funding route still follows the board")
			.containsSubsequence("Beschluss des Verwaltungsvorstands (Sitzung am " + day(decisions, 2) + ")",
					"Finanzierungsweg bestimmt (Entscheidungstabelle)");
		assertThat(decisions).filteredOn((d) -> "Projektorganisation aufgesetzt".equals(d.get("step")))
			.singleElement()
			.satisfies((d) -> assertThat(d).containsEntry("outcome", "Projektleitung: Jana Vogt"));

		byte[] pdf = http.withBasicAuth(DemoRoster.STAFF, DemoRoster.PASSWORD)
			.getForEntity("/api/projects/{key}/record.pdf", byte[].class, ORGANISED)
			.getBody();
		Files.write(OUTPUT.resolve("Aktenvermerk-" + ORGANISED + ".pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			assertThat(pages).isEqualTo(2);
			for (int page = 1; page <= pages; page++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				assertThat(stripper.getText(document)).as("page %d", page)
					.contains("Stadt Soest", "Seite " + page + " von " + pages);
			}
		}
	}

	@Test
	void theSameTemplateIsAWebPageWithLinksAndNoInlineStyles() throws IOException {
		DecisionRecord record = demo.getBean(ProjectRecords.class).recordOf(REJECTED, DemoRoster.STAFF);
		Context page = new Context(Locale.GERMANY);
		page.setVariable("record", record);
		page.setVariable("stylesheet", "record.css");
		page.setVariable("pdfLink", "/uebersicht/DEMO-SO-4/aktenvermerk.pdf");
		page.setVariable("backLink", "/uebersicht");
		String html = demo.getBean(ITemplateEngine.class).process(RecordPdf.TEMPLATE, page);
		Files.createDirectories(OUTPUT);
		Files.writeString(OUTPUT.resolve("Aktenvermerk-DEMO-SO-4.html"), html);
		Files.copy(Path.of("src/main/resources", RecordPdf.STYLESHEET), OUTPUT.resolve("record.css"),
				StandardCopyOption.REPLACE_EXISTING);

		assertThat(html).contains("<html lang=\"de\">", "<main>", "<caption id=\"decisions-caption\">",
				"<th scope=\"col\"", "<th scope=\"row\"", "<link rel=\"stylesheet\" href=\"record.css\" />",
				"<a href=\"/uebersicht\">Zurück zur Übersicht</a>",
				"<a href=\"/uebersicht/DEMO-SO-4/aktenvermerk.pdf\" type=\"application/pdf\">Als PDF herunterladen</a>",
				"Rechtlich und finanziell derzeit nicht darstellbar")
			.as("a page's Content-Security-Policy allows no inline styles")
			.doesNotContain("<style", "style=");
	}

	@Test
	void aLongRecordRunsOverPagesEachWithTheCityAndItsNumber() throws IOException {
		DecisionRecord record = longRecord();
		byte[] pdf = demo.getBean(RecordPdf.class).render(record);
		Files.createDirectories(OUTPUT);
		Files.write(OUTPUT.resolve("Aktenvermerk-lang.pdf"), pdf);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			assertThat(pages).as("40 decisions with their reasons, 8 or 9 a page").isEqualTo(5);
			for (int page = 1; page <= pages; page++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				assertThat(stripper.getText(document).replaceAll("\\s+", " ")).as("page %d", page)
					.contains("Stadt Soest", "Seite " + page + " von " + pages,
							"Zeitpunkt Schritt Wer (Rolle) Ergebnis, Begründung");
			}
			if (Files.isReadable(RecordPdf.SYSTEM_FONTS.resolve("DejaVuSans.ttf"))) {
				assertThat(fontsOf(document)).as("the system's DejaVu, embedded")
					.allSatisfy((font) -> assertThat(font).contains("DejaVuSans"));
			}
		}
	}

	@Test
	void withoutDejaVuTheBuiltInHelveticaStillWritesUmlautsAndGermanQuotes() throws IOException {
		Path noFonts = Files.createDirectories(OUTPUT.resolve("no-fonts"));
		byte[] pdf = demo.getBean(RecordPdf.class).render(longRecord(), noFonts);
		Files.write(OUTPUT.resolve("Aktenvermerk-ohne-DejaVu.pdf"), pdf);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(fontsOf(document)).isNotEmpty().allSatisfy((font) -> assertThat(font).startsWith("Helvetica"));
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("Stadt Soest",
					"Seite 1 von ", "Größere Änderungen „vorläufig“ – übernommen", "Ü-Straße");
		}
	}

	/** A project with 40 decisions, each with a few lines of reasons. */
	private static DecisionRecord longRecord() {
		OffsetDateTime start = OffsetDateTime.parse("2026-03-02T09:15:00+01:00");
		List<Decision> decisions = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			decisions.add(new Decision(start.plusHours(5L * i), "mmueller", "Maria Müller",
					"Fachbereich Stadtentwicklung", "Stadt Soest",
					"Beschluss des Verwaltungsvorstands (Sitzung am 12.03.2026)", "vom Verwaltungsvorstand abgelehnt",
					"Größere Änderungen „vorläufig“ – übernommen.\u000B Die Ü-Straße wird im zweiten Bauabschnitt "
							+ "ausgestattet; Kosten- und Finanzierungsplan siehe Anlage 3 der Drucksache 2026/0815.",
					(i % 10 == 0) ? "https://ratsinfo.soest.de/oparl/agendaitem/1001" : null));
		}
		return new DecisionRecord("SOEST-2026-0001", "Smarte Straßenbeleuchtung in der Altstadt und am Stadtrand",
				"Stadt Soest", start, null, "in Bearbeitung", decisions);
	}

	private static List<String> fontsOf(PDDocument document) throws IOException {
		List<String> fonts = new ArrayList<>();
		for (PDPage page : document.getPages()) {
			for (COSName name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name).getName());
			}
		}
		return fonts;
	}

	@Test
	void aProjectOfTheOtherCityIsAnsweredLikeOneThatDoesNotExist() {
		ResponseEntity<Map<String, Object>> menden = get(DemoRoster.MENDEN_STAFF, REJECTED, MediaType.APPLICATION_JSON);
		ResponseEntity<Map<String, Object>> mendenPdf = get(DemoRoster.MENDEN_BOARD_MEMBER, REJECTED,
				MediaType.APPLICATION_PDF);
		ResponseEntity<Map<String, Object>> unknown = get(DemoRoster.MENDEN_STAFF, "DEMO-SO-999",
				MediaType.APPLICATION_JSON);

		assertThat(menden.getStatusCode().value()).isEqualTo(404).isEqualTo(unknown.getStatusCode().value());
		assertThat(menden.getBody()).containsEntry("detail", "Ein Vorhaben „DEMO-SO-4“ gibt es in Ihrer Stadt nicht.")
			.containsEntry("title", "Nicht gefunden")
			.containsEntry("status", 404);
		assertThat(String.valueOf(menden.getBody()).replace(REJECTED, "?"))
			.isEqualTo(String.valueOf(unknown.getBody()).replace("DEMO-SO-999", "?"));
		assertThat(mendenPdf.getStatusCode().value()).isEqualTo(404);
		assertThat(mendenPdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(get(DemoRoster.MENDEN_STAFF, "DEMO-ME-2", MediaType.APPLICATION_JSON).getStatusCode().value())
			.as("their own city's project")
			.isEqualTo(200);
		assertThat(get(DemoRoster.ADMIN, REJECTED, MediaType.APPLICATION_JSON).getStatusCode().value())
			.as("administrators see every city")
			.isEqualTo(200);
	}

	@Test
	void anUnknownProjectIsNotFound() {
		ResponseEntity<Map<String, Object>> response = get(DemoRoster.STAFF, "SOEST-1999-0001",
				MediaType.APPLICATION_JSON);

		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getBody()).containsEntry("detail",
				"Ein Vorhaben „SOEST-1999-0001“ gibt es in Ihrer Stadt nicht.");
	}

	@Test
	void withoutALoginNothingIsShown() {
		ResponseEntity<String> json = http.getForEntity("/api/projects/{key}/record", String.class, REJECTED);
		ResponseEntity<String> pdf = http.getForEntity("/api/projects/{key}/record.pdf", String.class, REJECTED);

		assertThat(json.getStatusCode().value()).isEqualTo(401);
		assertThat(pdf.getStatusCode().value()).isEqualTo(401);
	}

	/**
	 * The meeting day an agenda item names ("Entscheidung in der Sitzung am 21.11.2025").
	 */
	private static String day(List<Map<String, Object>> decisions, int index) {
		String outcome = String.valueOf(decisions.get(index).get("outcome"));
		return outcome.substring(outcome.length() - 10);
	}

	/** A day in a text, whichever it is. */
	private static Object anyDay(Object value) {
		return (value instanceof String text) ? text.replaceAll("\\d{2}\\.\\d{2}\\.\\d{4}", "TT.MM.JJJJ") : value;
	}

	private static ResponseEntity<Map<String, Object>> get(String user, String businessKey, MediaType accept) {
		return http.withBasicAuth(user, DemoRoster.PASSWORD)
			.exchange("/api/projects/{key}/record", HttpMethod.GET, accepting(accept), JSON, businessKey);
	}

	private static HttpEntity<Void> accepting(MediaType type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(type));
		return new HttpEntity<>(headers);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> decisions(Map<String, Object> record) {
		return (List<Map<String, Object>>) record.get("decisions");
	}

}
