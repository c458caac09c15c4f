package de.ratsweg.committee;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every OParl document the test server serves ({@code src/test/resources/oparl/}) follows
 * the OParl 1.1 specification: each one is checked against the JSON schemas in
 * {@code src/test/resources/oparl-schema/}, written from the spec
 * (https://github.com/OParl/spec). A document with {@code data} is a list page: the page
 * itself is checked against {@code ObjectList.json}, each element against the schema of
 * its own {@code type}. Any other document is checked against the schema of its
 * {@code type}.
 */
class OParlFixturesFollowTheSpecTest {

	private static final Path FIXTURES = Path.of("src", "test", "resources", "oparl");

	/** The placeholder in the fixtures, and what the test server puts in its place. */
	private static final String BASE_PLACEHOLDER = "{{base}}";

	private static final String BASE = "http://127.0.0.1:12345/oparl";

	private static final String TYPE_NAMESPACE = "https://schema.oparl.org/1.1/";

	/**
	 * The object types of OParl 1.1 (spec 3.1, property {@code type}), one schema each.
	 */
	private static final Set<String> OBJECT_TYPES = Set.of("AgendaItem", "Body", "Consultation", "File",
			"LegislativeTerm", "Location", "Meeting", "Membership", "Organization", "Paper", "Person", "System");

	private static final ObjectMapper json = new ObjectMapper();

	private static final JsonSchemaFactory schemaFactory = JsonSchemaFactory.getInstance(VersionFlag.V7);

	private static final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
		.formatAssertionsEnabled(true)
		.locale(Locale.ENGLISH)
		.pathType(PathType.LEGACY)
		.build();

	private static final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

	@Test
	void theFixtureFolderHoldsOParlDocuments() throws IOException {
		assertThat(fixtures()).as("JSON files below %s", FIXTURES).isNotEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyFixtureFollowsTheOParlSpec() throws IOException {
		return fixtures().stream()
			.map((file) -> dynamicTest(FIXTURES.relativize(file).toString(), () -> assertFollowsTheSpec(file)));
	}

	@Test
	void aValidAgendaItemPasses() {
		assertThat(violationsOf(agendaItem())).isEmpty();
	}

	@Test
	void anAgendaItemWhoseResultIsANumberIsRejected() {
		ObjectNode agendaItem = agendaItem().put("result", 1);

		assertThat(violationsOf(agendaItem)).singleElement().asString().contains("result", "string");
	}

	@Test
	void anAgendaItemWithoutOrderIsRejected() {
		ObjectNode agendaItem = agendaItem();
		agendaItem.remove("order");

		assertThat(violationsOf(agendaItem)).singleElement().asString().contains("order");
	}

	@Test
	void aPaperWithoutIdIsRejected() {
		ObjectNode paper = paper();
		paper.remove("id");

		assertThat(violationsOf(paper)).singleElement().asString().contains("id");
	}

	@Test
	void aPaperWhoseTimeIsNotInTheSpecsFormIsRejected() {
		ObjectNode paper = paper().put("modified", "2025-03-01T10:15:00Z");

		assertThat(violationsOf(paper)).isNotEmpty()
			.allSatisfy((violation) -> assertThat(violation).contains("modified"));
	}

	@Test
	void anEmbeddedConsultationIsCheckedAsConsultation() {
		ObjectNode paper = paper();
		((ObjectNode) paper.withArray("consultation").get(0)).put("authoritative", "yes");

		assertThat(violationsOf(paper)).singleElement().asString().contains("consultation[0].authoritative");
	}

	@Test
	void anEmbeddedObjectMustNotBeDeleted() {
		ObjectNode paper = paper();
		((ObjectNode) paper.withArray("consultation").get(0)).put("deleted", true);

		assertThat(violationsOf(paper)).singleElement().asString().contains("consultation[0]");
	}

	@Test
	void aDeletedObjectMayBeReducedToIdTypeCreatedModified() {
		ObjectNode body = object("Body", "/body/1").put("deleted", true);

		assertThat(violationsOf(body)).isEmpty();
	}

	@Test
	void aBodyThatIsNotDeletedNeedsItsMandatoryProperties() {
		ObjectNode body = object("Body", "/body/1");

		assertThat(violationsOf(body)).hasSize(12)
			.anySatisfy((violation) -> assertThat(violation).contains("'name'"))
			.anySatisfy((violation) -> assertThat(violation).contains("'legislativeTerm'"))
			.anySatisfy((violation) -> assertThat(violation).contains("'locationList'"));
	}

	@Test
	void anObjectOfUnknownTypeIsRejected() {
		ObjectNode paper = paper().put("type", "https://schema.oparl.org/1.0/Paper");

		assertThat(violationsOf(paper)).singleElement().asString().contains("type");
	}

	@Test
	void everyElementOfAListPageIsCheckedAgainstItsOwnType() {
		ObjectNode page = listPage();
		page.withArray("data").add(paper()).add(agendaItem().put("result", 1));

		assertThat(violationsOf(page)).singleElement().asString().contains("data[1]", "AgendaItem", "result");
	}

	@Test
	void aListPageNeedsDataPaginationAndLinks() {
		ObjectNode page = listPage();
		page.remove("links");

		assertThat(violationsOf(page)).singleElement().asString().contains("links");
	}

	@Test
	void aListPageThatIsNotTheLastLinksToTheNext() {
		ObjectNode page = listPage();
		page.withObject("/pagination").put("currentPage", 1).put("totalPages", 2);

		assertThat(violationsOf(page)).singleElement().asString().contains("next");
	}

	private static void assertFollowsTheSpec(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8).replace(BASE_PLACEHOLDER, BASE);
		JsonNode document;
		try {
			document = json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new AssertionError(file + " is no JSON: " + ex.getOriginalMessage(), ex);
		}
		List<String> violations = violationsOf(document);
		assertThat(violations)
			.withFailMessage(() -> file + " does not follow OParl 1.1:\n  " + String.join("\n  ", violations))
			.isEmpty();
	}

	/**
	 * What is wrong with an OParl document, one readable line per violation, each naming
	 * where in the document it is ({@code $} is the document itself).
	 */
	private static List<String> violationsOf(JsonNode document) {
		if (document.has("data")) {
			List<String> violations = new ArrayList<>(validate("ObjectList", document, "$"));
			violations.addAll(nextLinkViolations(document));
			JsonNode data = document.get("data");
			for (int index = 0; data.isArray() && index < data.size(); index++) {
				if (data.get(index).isObject()) {
					violations.addAll(objectViolations(data.get(index), "$.data[" + index + "]"));
				}
			}
			return violations;
		}
		return objectViolations(document, "$");
	}

	private static List<String> objectViolations(JsonNode object, String location) {
		String type = object.path("type").asText("");
		String name = type.startsWith(TYPE_NAMESPACE) ? type.substring(TYPE_NAMESPACE.length()) : "";
		if (!OBJECT_TYPES.contains(name)) {
			String given = object.has("type") ? object.get("type").toString() : "missing";
			return List.of(location + ": is neither a list page (with data) nor an OParl 1.1 object, type " + given);
		}
		return validate(name, object, location).stream()
			.map((violation) -> violation + " (checked as " + name + ")")
			.toList();
	}

	private static List<String> validate(String schemaName, JsonNode node, String location) {
		JsonSchema schema = schemas.computeIfAbsent(schemaName, (name) -> schemaFactory
			.getSchema(SchemaLocation.of("classpath:oparl-schema/" + name + ".json"), config));
		return schema.validate(node).stream().map((message) -> describe(message, location)).sorted().toList();
	}

	private static String describe(ValidationMessage message, String location) {
		String at = message.getInstanceLocation().toString();
		String text = message.getMessage();
		String schema = message.getSchemaLocation().toString();
		if (schema.contains("/definitions/notDeleted")) {
			text = "is marked deleted, but an embedded object must never be a deleted one (spec 2.5)";
		}
		else if (schema.contains("/definitions/dateTime/pattern")) {
			text = message.getInstanceNode() + " is not in the form yyyy-mm-ddThh:mm:ss±hh:mm (spec 2.4)";
		}
		else if (schema.contains("/definitions/date/pattern")) {
			text = message.getInstanceNode() + " is not in the form yyyy-mm-dd (spec 2.4)";
		}
		else if (schema.contains("/definitions/url/pattern")) {
			text = message.getInstanceNode() + " is no http or https URL (spec 2.3)";
		}
		else if (text.startsWith(at + ": ")) {
			text = text.substring(at.length() + 2);
		}
		return location + at.substring(1) + ": " + text;
	}

	/**
	 * Spec 2.5: every list page but the last must give {@code links.next}. Pages are
	 * counted from 1, as in the spec's example.
	 */
	private static List<String> nextLinkViolations(JsonNode page) {
		JsonNode pagination = page.path("pagination");
		if (pagination.path("currentPage").isInt() && pagination.path("totalPages").isInt()
				&& pagination.get("currentPage").asInt() < pagination.get("totalPages").asInt()
				&& !page.path("links").has("next")) {
			return List.of("$.links: page " + pagination.get("currentPage") + " of " + pagination.get("totalPages")
					+ " is not the last, so it must give links.next");
		}
		return List.of();
	}

	private static List<Path> fixtures() throws IOException {
		if (!Files.isDirectory(FIXTURES)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(FIXTURES)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

	private static ObjectNode object(String type, String path) {
		return json.createObjectNode()
			.put("id", BASE + path)
			.put("type", TYPE_NAMESPACE + type)
			.put("created", "2025-03-01T09:00:00+01:00")
			.put("modified", "2025-03-02T17:30:00+01:00");
	}

	private static ObjectNode agendaItem() {
		return object("AgendaItem", "/agendaItem/7").put("meeting", BASE + "/meeting/3")
			.put("number", "Ö 4")
			.put("order", 3)
			.put("name", "Radweg Bahnhofstraße")
			.put("public", true)
			.put("consultation", BASE + "/consultation/12")
			.put("result", "Unverändert beschlossen")
			.put("resolutionText", "Der Rat beschließt den Radweg.");
	}

	private static ObjectNode paper() {
		ObjectNode paper = object("Paper", "/paper/5").put("body", BASE + "/body/1")
			.put("name", "Radweg Bahnhofstraße")
			.put("reference", "V/2025/017")
			.put("date", "2025-02-27")
			.put("paperType", "Beschlussvorlage");
		ArrayNode consultations = paper.putArray("consultation");
		consultations.add(object("Consultation", "/consultation/12").put("agendaItem", BASE + "/agendaItem/7")
			.put("meeting", BASE + "/meeting/3")
			.put("authoritative", true)
			.put("role", "Entscheidung")
			.set("organization", json.createArrayNode().add(BASE + "/organization/rat")));
		return paper;
	}

	private static ObjectNode listPage() {
		ObjectNode page = json.createObjectNode();
		page.putArray("data");
		page.putObject("pagination").put("totalElements", 2).put("elementsPerPage", 20);
		page.putObject("links").put("first", BASE + "/body/1/paper").put("self", BASE + "/body/1/paper");
		return page;
	}

}
