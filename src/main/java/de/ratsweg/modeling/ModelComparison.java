package de.ratsweg.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import de.ratsweg.modeling.ModelChanges.Change;

/**
 * Compares two versions of a model by the ids of their parts: the elements of a BPMN
 * diagram (the diagram's layout is not a change), the decisions, inputs, outputs and
 * rules of a DMN table, the fields of a form (by key). A part with the same id whose
 * attributes, expressions or settings differ is changed.
 */
final class ModelComparison {

	private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final Set<String> DMN = Set.of("https://www.omg.org/spec/DMN/20191111/MODEL/",
			"http://www.omg.org/spec/DMN/20151101/dmn.xsd");

	/** Parts of a DMN table that belong to the rule or column they are in. */
	private static final Set<String> DMN_FOLDED = Set.of("inputEntry", "outputEntry", "inputExpression",
			"literalExpression", "annotationEntry");

	private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("process", "Prozess"),
			Map.entry("userTask", "Benutzeraufgabe"), Map.entry("serviceTask", "Serviceaufgabe"),
			Map.entry("businessRuleTask", "Regelaufgabe"), Map.entry("scriptTask", "Skriptaufgabe"),
			Map.entry("sendTask", "Sendeaufgabe"), Map.entry("receiveTask", "Empfangsaufgabe"),
			Map.entry("callActivity", "Aufruf"), Map.entry("subProcess", "Teilprozess"),
			Map.entry("startEvent", "Startereignis"), Map.entry("endEvent", "Endereignis"),
			Map.entry("boundaryEvent", "Randereignis"), Map.entry("intermediateCatchEvent", "Zwischenereignis"),
			Map.entry("intermediateThrowEvent", "Zwischenereignis"), Map.entry("exclusiveGateway", "Gateway"),
			Map.entry("parallelGateway", "Gateway"), Map.entry("inclusiveGateway", "Gateway"),
			Map.entry("eventBasedGateway", "Gateway"), Map.entry("sequenceFlow", "Sequenzfluss"),
			Map.entry("decision", "Entscheidung"), Map.entry("input", "Eingabe"), Map.entry("output", "Ausgabe"),
			Map.entry("rule", "Regel"), Map.entry("decisionTable", "Entscheidungstabelle"),
			Map.entry("textfield", "Textfeld"), Map.entry("textarea", "Textbereich"), Map.entry("number", "Zahlenfeld"),
			Map.entry("checkbox", "Kontrollkästchen"), Map.entry("radio", "Optionsfeld"),
			Map.entry("select", "Auswahlliste"), Map.entry("datetime", "Datumsfeld"), Map.entry("text", "Text"),
			Map.entry("group", "Gruppe"), Map.entry("checklist", "Checkliste"),
			Map.entry("taglist", "Schlagwortliste"));

	/**
	 * Camunda's defaults: an attribute with its default value means the same as none (the
	 * modeler leaves some out when it saves).
	 */
	private static final Map<String, String> DEFAULTS = Map.of("camunda:decisionRefBinding", "latest",
			"camunda:calledElementBinding", "latest", "camunda:formRefBinding", "latest", "isExecutable", "false",
			"camunda:asyncBefore", "false", "camunda:asyncAfter", "false", "camunda:exclusive", "true");

	private static final ObjectMapper JSON = new ObjectMapper();

	private ModelComparison() {
	}

	/**
	 * The changes from the running version to the new one.
	 * @param name the file name (its ending says what kind of model it is)
	 * @param running the running version, {@code null} for a model never deployed
	 * @param edited the new version
	 * @throws IllegalArgumentException when either version cannot be read
	 */
	static ModelChanges compare(String name, byte[] running, byte[] edited) {
		Map<String, Part> before = (running != null) ? partsOf(name, running) : Map.of();
		Map<String, Part> after = partsOf(name, edited);
		List<Change> added = new ArrayList<>();
		List<Change> removed = new ArrayList<>();
		List<Change> changed = new ArrayList<>();
		after.forEach((id, part) -> {
			Part old = before.get(id);
			if (old == null) {
				added.add(part.change(List.of()));
			}
			else if (!old.equals(part)) {
				changed.add(part.change(differences(old, part)));
			}
		});
		before.forEach((id, part) -> {
			if (!after.containsKey(id)) {
				removed.add(part.change(List.of()));
			}
		});
		return new ModelChanges(added, removed, changed);
	}

	private static List<String> differences(Part old, Part part) {
		List<String> details = new ArrayList<>();
		if (!Objects.equals(old.kind(), part.kind())) {
			details.add("Art: " + kindOf(old.kind()) + " → " + kindOf(part.kind()));
		}
		if (!Objects.equals(old.name(), part.name())) {
			details
				.add("Name: „" + Objects.toString(old.name(), "") + "“ → „" + Objects.toString(part.name(), "") + "“");
		}
		for (String key : union(old.settings(), part.settings())) {
			String was = old.settings().get(key);
			String is = part.settings().get(key);
			if (!Objects.equals(was, is)) {
				details.add(key + ": " + shorten(was) + " → " + shorten(is));
			}
		}
		return details;
	}

	private static List<String> union(Map<String, String> first, Map<String, String> second) {
		TreeMap<String, String> keys = new TreeMap<>(first);
		keys.putAll(second);
		return new ArrayList<>(keys.keySet());
	}

	private static String shorten(String value) {
		if (value == null) {
			return "(nicht gesetzt)";
		}
		String text = value.strip().replaceAll("\\s+", " ");
		return "„" + ((text.length() > 80) ? text.substring(0, 77) + "…" : text) + "“";
	}

	private static String kindOf(String kind) {
		return KINDS.getOrDefault(kind, kind);
	}

	private static Map<String, Part> partsOf(String name, byte[] content) {
		return name.endsWith(".form") ? formParts(content) : xmlParts(content);
	}

	private static Map<String, Part> xmlParts(byte[] content) {
		Map<String, Part> parts = new LinkedHashMap<>();
		collect(parse(content).getDocumentElement(), parts);
		return parts;
	}

	private static void collect(Element element, Map<String, Part> parts) {
		if (isPart(element)) {
			Map<String, String> settings = new TreeMap<>();
			describe(element, "", settings);
			String id = element.getAttribute("id");
			String label = element.hasAttribute("name") ? element.getAttribute("name")
					: element.hasAttribute("label") ? element.getAttribute("label") : null;
			settings.remove("name");
			settings.remove("label");
			parts.put(id, new Part(id, element.getLocalName(), label, settings));
		}
		for (Element child : children(element)) {
			collect(child, parts);
		}
	}

	/** An element with an id of the diagram or table itself, not of its layout. */
	private static boolean isPart(Element element) {
		if (!element.hasAttribute("id")) {
			return false;
		}
		String namespace = element.getNamespaceURI();
		if (BPMN.equals(namespace)) {
			return !"definitions".equals(element.getLocalName()) && !"collaboration".equals(element.getLocalName());
		}
		return DMN.contains(namespace) && !DMN_FOLDED.contains(element.getLocalName())
				&& !"definitions".equals(element.getLocalName());
	}

	/**
	 * The element's attributes and everything inside it that is not a part of its own, as
	 * "path: value" settings.
	 */
	private static void describe(Element element, String path, Map<String, String> settings) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if ("id".equals(attribute.getName()) || attribute.getName().startsWith("xmlns")
					|| attribute.getValue().equals(DEFAULTS.get(attribute.getName()))) {
				continue;
			}
			settings.put(path + attribute.getName(), attribute.getValue());
		}
		StringBuilder text = new StringBuilder();
		Map<String, Integer> seen = new TreeMap<>();
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(node.getNodeValue());
			}
			else if (node instanceof Element child && !isPart(child) && !isReference(child)) {
				int index = seen.merge(child.getNodeName(), 1, Integer::sum);
				describe(child, path + child.getNodeName() + ((index > 1) ? "[" + index + "]" : "") + " ", settings);
			}
		}
		if (!text.toString().isBlank()) {
			settings.put(path.isEmpty() ? "Inhalt" : path.strip(), text.toString().strip());
		}
	}

	/** The incoming and outgoing references of a flow node repeat its sequence flows. */
	private static boolean isReference(Element element) {
		return BPMN.equals(element.getNamespaceURI())
				&& ("incoming".equals(element.getLocalName()) || "outgoing".equals(element.getLocalName()));
	}

	private static List<Element> children(Element element) {
		List<Element> children = new ArrayList<>();
		NodeList nodes = element.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element child) {
				children.add(child);
			}
		}
		return children;
	}

	private static org.w3c.dom.Document parse(byte[] content) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(content));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new IllegalArgumentException("Das Modell ist kein lesbares XML: " + ex.getMessage(), ex);
		}
	}

	private static Map<String, Part> formParts(byte[] content) {
		Map<String, Part> parts = new LinkedHashMap<>();
		try {
			collectFields(JSON.readTree(content).path("components"), parts);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Das Formular ist kein lesbares JSON: " + ex.getMessage(), ex);
		}
		return parts;
	}

	private static void collectFields(JsonNode components, Map<String, Part> parts) {
		for (JsonNode component : components) {
			String id = component.hasNonNull("key") ? component.get("key").asText() : component.path("id").asText(null);
			if (id != null) {
				Map<String, String> settings = new TreeMap<>();
				for (Iterator<Map.Entry<String, JsonNode>> fields = component.fields(); fields.hasNext();) {
					Map.Entry<String, JsonNode> field = fields.next();
					if (!Set.of("id", "key", "label", "components", "layout").contains(field.getKey())) {
						settings.put(field.getKey(),
								field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString());
					}
				}
				String label = component.hasNonNull("label") ? component.get("label").asText()
						: component.path("text").asText(null);
				parts.put(id, new Part(id, component.path("type").asText(), label, settings));
			}
			collectFields(component.path("components"), parts);
		}
	}

	/** A part of a model as compared: its kind, name and everything else it says. */
	private record Part(String id, String kind, String name, Map<String, String> settings) {

		Change change(List<String> details) {
			return new Change(this.id, kindOf(this.kind), this.name, details);
		}

	}

}
