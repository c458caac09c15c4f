package de.ratsweg.deployment;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Remembers which deployments existed before a test, so that the test can remove exactly
 * what it deployed (the PostgreSQL pass shares one database between all tests).
 */
final class TestDeployments {

	private final RepositoryService repositoryService;

	private final Set<String> before;

	private TestDeployments(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
		this.before = ids();
	}

	static TestDeployments rememberExisting(RepositoryService repositoryService) {
		return new TestDeployments(repositoryService);
	}

	/** Deletes every deployment made since, with its process instances. */
	void removeNew() {
		ids().stream()
			.filter((id) -> !this.before.contains(id))
			.forEach((id) -> this.repositoryService.deleteDeployment(id, true));
	}

	ProcessDefinition latestProcess() {
		return this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(ModelFolder.PROCESS_KEY)
			.latestVersion()
			.singleResult();
	}

	private Set<String> ids() {
		return this.repositoryService.createDeploymentQuery()
			.list()
			.stream()
			.map(Deployment::getId)
			.collect(Collectors.toSet());
	}

}
