package de.ratsweg.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.xml.sax.SAXParseException;

/**
 * Checks each model file before the engine sees it, so that a broken file is reported
 * with its name, the element and the reason. The engine itself names files and elements
 * for BPMN; for DMN and forms it does not, so those are parsed here one by one.
 */
class ModelChecks {

	private static final String DMN_CAMUNDA_NS = "http://camunda.org/schema/1.0/dmn";

	private static final Pattern REPORTED_LINE = Pattern.compile("Line=(\\d+)");

	private static final Pattern QUOTED_ID = Pattern.compile("id '([^']+)'");

	private final DmnEngine dmnEngine;

	private final ObjectMapper objectMapper = new ObjectMapper();

	private final XMLInputFactory xmlInputFactory;

	ModelChecks(DmnEngine dmnEngine) {
		this.dmnEngine = dmnEngine;
		this.xmlInputFactory = XMLInputFactory.newFactory();
		this.xmlInputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		this.xmlInputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	List<ModelProblem> check(ModelFile file) {
		if (file.isForm()) {
			return checkForm(file);
		}
		List<ModelProblem> problems = new ArrayList<>();
		ElementLines lines = scanXml(file, problems);
		if (problems.isEmpty() && file.isDmn()) {
			checkDmn(file, lines, problems);
		}
		return problems;
	}

	/**
	 * Reads the XML once: refuses DOCTYPE declarations (external entities), reports
	 * malformed XML with its line, remembers which element sits on which line, and finds
	 * DMN decisions without a history time-to-live.
	 */
	ElementLines scanXml(ModelFile file, List<ModelProblem> problems) {
		ElementLines lines = new ElementLines();
		XMLStreamReader reader = null;
		try {
			reader = this.xmlInputFactory.createXMLStreamReader(new ByteArrayInputStream(file.content()));
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					problems.add(new ModelProblem(file.name(), null, reader.getLocation().getLineNumber(),
							"DOCTYPE declarations are not allowed (external entities are disabled)"));
					return lines;
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					String id = reader.getAttributeValue(null, "id");
					lines.enter(reader.getLocation().getLineNumber(), id);
					if (file.isDmn() && "decision".equals(reader.getLocalName())
							&& reader.getAttributeValue(DMN_CAMUNDA_NS, "historyTimeToLive") == null) {
						problems.add(new ModelProblem(file.name(), id, reader.getLocation().getLineNumber(),
								"decision has no camunda:historyTimeToLive; every decision must say how long its history is kept"));
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					lines.leave(reader.getLocation().getLineNumber());
				}
			}
		}
		catch (XMLStreamException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNumber() : 0;
			problems.add(new ModelProblem(file.name(), lines.openElement(), line,
					"malformed XML: " + withoutLocationPrefix(ex.getMessage())));
		}
		finally {
			close(reader);
		}
		return lines;
	}

	private void checkDmn(ModelFile file, ElementLines lines, List<ModelProblem> problems) {
		try {
			this.dmnEngine.parseDecisionRequirementsGraph(new ByteArrayInputStream(file.content()));
		}
		catch (RuntimeException ex) {
			SAXParseException located = findCause(ex, SAXParseException.class);
			String reason = (located != null) ? located.getMessage() : deepestMessage(ex);
			int line = (located != null) ? located.getLineNumber() : lineIn(reason);
			String elementId = (line > 0) ? lines.elementAt(line) : quotedId(reason);
			problems.add(new ModelProblem(file.name(), elementId, line, reason));
		}
	}

	private List<ModelProblem> checkForm(ModelFile file) {
		try {
			JsonNode form = this.objectMapper.readTree(file.content());
			if (form == null || !form.isObject()) {
				return List.of(new ModelProblem(file.name(), null, 0, "a Camunda Form must be a JSON object"));
			}
			if (!form.path("id").isTextual() || form.path("id").asText().isBlank()) {
				return List.of(new ModelProblem(file.name(), null, 0,
						"the form has no \"id\"; camunda:formRef finds forms by this id"));
			}
			return List.of();
		}
		catch (JsonProcessingException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			return List.of(new ModelProblem(file.name(), null, line, "malformed JSON: " + ex.getOriginalMessage()));
		}
		catch (IOException ex) {
			return List.of(new ModelProblem(file.name(), null, 0, "unreadable: " + ex.getMessage()));
		}
	}

	/** The model API reports schema errors as text only: "... Line=11: ...". */
	private static int lineIn(String reason) {
		Matcher matcher = REPORTED_LINE.matcher(String.valueOf(reason));
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
	}

	private static String quotedId(String reason) {
		Matcher matcher = QUOTED_ID.matcher(String.valueOf(reason));
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String withoutLocationPrefix(String message) {
		// StAX prefixes "ParseError at [row,col]:[3,7]\nMessage: "
		int index = message.indexOf("Message: ");
		return (index >= 0) ? message.substring(index + "Message: ".length()) : message;
	}

	static String deepestMessage(Throwable ex) {
		String message = ex.getMessage();
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				message = message + " / " + cause.getMessage();
			}
		}
		return message;
	}

	static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// nothing left to release
			}
		}
	}

	/**
	 * Which element with an id encloses a given line; parsers report lines, people look
	 * for element ids. Elements without an id stand for the nearest enclosing element
	 * with one.
	 */
	static class ElementLines {

		private final List<int[]> ranges = new ArrayList<>();

		private final List<String> ids = new ArrayList<>();

		private final List<Integer> open = new ArrayList<>();

		void enter(int line, String id) {
			String effective = (id != null) ? id : openElement();
			this.ranges.add(new int[] { line, Integer.MAX_VALUE });
			this.ids.add(effective);
			this.open.add(this.ids.size() - 1);
		}

		void leave(int line) {
			if (!this.open.isEmpty()) {
				this.ranges.get(this.open.remove(this.open.size() - 1))[1] = line;
			}
		}

		/** The innermost element with an id that is open at the current position. */
		String openElement() {
			return this.open.isEmpty() ? null : this.ids.get(this.open.get(this.open.size() - 1));
		}

		/** The innermost element whose start and end tags enclose the line. */
		String elementAt(int line) {
			String found = null;
			for (int i = 0; i < this.ranges.size(); i++) {
				int[] range = this.ranges.get(i);
				if (range[0] > line) {
					break;
				}
				if (line <= range[1]) {
					found = this.ids.get(i);
				}
			}
			return found;
		}

	}

}
