package de.ratsweg.engine.security;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Refuses a new deployment that contains scripts (script tasks, script listeners and
 * input/output scripts, conditions or decision expressions in a script language) unless
 * an administrator deploys it, or Ratsweg itself (the processes folder, no logged-in
 * user). Scripts run inside the engine; whoever may deploy them may run code on the
 * server. The script engines get no host access either
 * ({@code configure-script-engine-host-access: false}).
 *
 * <p>
 * This is a second line only: expressions in a model ({@code ${...}}) reach the engine's
 * services too, so the right to deploy is an administrator's right ({@link AccessRules})
 * and must not be granted to anyone else.
 */
public class ScriptsOnlyFromAdministrators implements Deployer {

	/** Expression languages that are not scripts. */
	private static final Set<String> EXPRESSION_LANGUAGES = Set.of("juel", "feel", "feel-scala",
			"https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/feel/20140401");

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew()) {
			// The engine re-reads an existing deployment into its cache: nothing new.
			return;
		}
		CommandContext commandContext = Context.getCommandContext();
		Authentication authentication = commandContext.getAuthentication();
		if (authentication == null || commandContext.getAuthorizationManager().isCamundaAdmin(authentication)) {
			return;
		}
		if (deployment.getResources() == null) {
			return;
		}
		// Every resource, whatever its name: the engine takes "x.xbpmn" for a process
		// model too (it only looks at how the name ends).
		for (ResourceEntity resource : deployment.getResources().values()) {
			String script = findScript(resource.getBytes());
			if (script != null) {
				throw new BadUserRequestException(("Die Bereitstellung enthält ein Skript (%s in „%s“). "
						+ "Skripte dürfen nur Administratorinnen und Administratoren bereitstellen.")
					.formatted(script, resource.getName()));
			}
		}
	}

	/**
	 * @return a description of the first script in the model, or {@code null}
	 */
	static String findScript(byte[] model) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		try {
			XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(model));
			try {
				while (reader.hasNext()) {
					if (reader.next() != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					String element = reader.getLocalName();
					String id = reader.getAttributeValue(null, "id");
					if (element.equals("scriptTask") || element.equals("script")) {
						return element + ((id != null) ? " " + id : "");
					}
					for (int i = 0; i < reader.getAttributeCount(); i++) {
						String attribute = reader.getAttributeLocalName(i);
						String value = reader.getAttributeValue(i).trim().toLowerCase(Locale.ROOT);
						boolean scriptFormat = attribute.equals("scriptFormat");
						boolean scriptLanguage = (attribute.equals("language")
								|| attribute.equals("expressionLanguage")) && !EXPRESSION_LANGUAGES.contains(value);
						if (scriptFormat || scriptLanguage) {
							return element + ((id != null) ? " " + id : "") + ", " + attribute + "=\"" + value + "\"";
						}
					}
				}
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			// Not XML (e.g. a form) or unreadable XML: the engine's own parser reports
			// the latter with line and column.
			return null;
		}
		return null;
	}

}
