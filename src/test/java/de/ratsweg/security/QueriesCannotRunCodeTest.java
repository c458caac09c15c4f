package de.ratsweg.security;

import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.WebappSession;
import de.ratsweg.kernel.RatswegGroups;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query is data, never code: expressions such as {@code ${...}} sent by a user are
 * refused wherever a task query takes them, and no query returns more than 2000 rows. The
 * expression used is harmless but would fail if evaluated, so "refused" cannot be
 * confused with "evaluated to nothing".
 */
@RatswegSpringTest
class QueriesCannotRunCodeTest {

	/**
	 * Would be evaluated by the engine (and fail: no such bean) if it were let through.
	 */
	private static final String EXPRESSION = "${noSuchBean.anything}";

	private final ApplicationContext context;

	private final TestRestTemplate http;

	private final RestWork rest;

	private final FilterService filterService;

	@Autowired
	QueriesCannotRunCodeTest(ApplicationContext context, TestRestTemplate http, FilterService filterService) {
		this.context = context;
		this.http = http;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
		this.filterService = filterService;
	}

	@BeforeEach
	void demoUsers() {
		DemoRoster.createIn(this.context);
	}

	@Test
	void aTaskQueryWithAnExpressionIsRefused() {
		ResponseEntity<String> response = this.rest.as(DemoRoster.STAFF)
			.getForEntity("/engine-rest/task?maxResults=10&assigneeExpression={e}", String.class, EXPRESSION);

		assertRefused(response);
	}

	@Test
	void anExpressionInsideOrQueriesIsRefused() {
		ResponseEntity<String> response = this.rest.as(DemoRoster.STAFF)
			.postForEntity("/engine-rest/task?maxResults=10",
					RestWork.json(Map.of("orQueries", new Object[] { Map.of("assigneeExpression", EXPRESSION) })),
					String.class);

		assertRefused(response);
	}

	@Test
	void anExpressionInTheQueryThatExtendsASavedFilterIsRefused() {
		String filter = myTasksFilter();

		ResponseEntity<String> direct = this.rest.as(DemoRoster.STAFF)
			.postForEntity("/engine-rest/filter/" + filter + "/list?maxResults=10",
					RestWork.json(Map.of("candidateGroupExpression", EXPRESSION)), String.class);
		ResponseEntity<String> nested = this.rest.as(DemoRoster.STAFF)
			.postForEntity("/engine-rest/filter/" + filter + "/list?maxResults=10",
					RestWork.json(Map.of("orQueries", new Object[] { Map.of("assigneeExpression", EXPRESSION) })),
					String.class);

		assertRefused(direct);
		assertRefused(nested);
	}

	@Test
	void throughTheWebappsApiAnExpressionIsRefusedToo() {
		WebappSession tasklist = WebappSession.login(this.http, "tasklist", DemoRoster.STAFF, DemoRoster.PASSWORD);

		ResponseEntity<String> response = tasklist.post(
				"/camunda/api/engine/engine/default/filter/" + myTasksFilter() + "/list?firstResult=0&maxResults=15",
				"{\"orQueries\": [{\"assigneeExpression\": \"" + EXPRESSION + "\"}]}");
		ResponseEntity<String> plain = tasklist.post(
				"/camunda/api/engine/engine/default/filter/" + myTasksFilter() + "/list?firstResult=0&maxResults=15",
				"{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}");

		assertRefused(response);
		assertThat(plain.getStatusCode().value()).as("what Tasklist itself sends").isEqualTo(200);
	}

	@Test
	void onlyAdministratorsSaveFilters() {
		String filter = """
				{"resourceType": "Task", "name": "Alles von allen", "query": {"assigneeExpression": "%s"}}
				""".formatted(EXPRESSION);

		ResponseEntity<String> response = this.rest.as(DemoRoster.STAFF)
			.postForEntity("/engine-rest/filter/create", RestWork.json(filter), String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(403);
		assertThat(this.filterService.createFilterQuery().filterName("Alles von allen").count()).isZero();
	}

	@Test
	void someoneAllowedToCreateFiltersStillSavesNoExpression() {
		IdentitySetup identitySetup = this.context.getBean(IdentitySetup.class);
		identitySetup.grant(RatswegGroups.STAFF, Resources.FILTER, Authorization.ANY, Permissions.CREATE);
		try {
			ResponseEntity<String> withExpression = this.rest.as(DemoRoster.STAFF)
				.postForEntity("/engine-rest/filter/create",
						RestWork
							.json("""
									{"resourceType": "Task", "name": "Mit Ausdruck", "query": {"orQueries": [{"assigneeExpression": "%s"}]}}
									"""
								.formatted(EXPRESSION)),
						String.class);
			ResponseEntity<String> plain = this.rest.as(DemoRoster.STAFF)
				.postForEntity("/engine-rest/filter/create",
						RestWork
							.json("""
									{"resourceType": "Task", "name": "Ohne Ausdruck", "query": {"candidateGroup": "sachbearbeitung"}}
									"""),
						String.class);

			assertRefused(withExpression);
			assertThat(this.filterService.createFilterQuery().filterName("Mit Ausdruck").count()).isZero();
			assertThat(plain.getStatusCode().value()).as(plain.getBody()).isEqualTo(200);
		}
		finally {
			identitySetup.revoke(RatswegGroups.STAFF, Resources.FILTER, Authorization.ANY, Permissions.CREATE);
			this.filterService.createFilterQuery()
				.filterName("Ohne Ausdruck")
				.list()
				.forEach((filter) -> this.filterService.deleteFilter(filter.getId()));
		}
	}

	@Test
	void noQueryReturnsMoreThan2000RowsAtOnce() {
		ResponseEntity<String> tooMany = this.rest.as(DemoRoster.STAFF)
			.getForEntity("/engine-rest/task?maxResults=2001", String.class);
		ResponseEntity<String> unbounded = this.rest.as(DemoRoster.STAFF)
			.getForEntity("/engine-rest/history/task", String.class);
		ResponseEntity<String> webappsLimit = this.rest.as(DemoRoster.STAFF)
			.getForEntity("/engine-rest/task?maxResults=2000", String.class);

		assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
		assertThat(tooMany.getBody()).contains("Max results limit of 2000 exceeded");
		assertThat(unbounded.getStatusCode().value()).isEqualTo(400);
		assertThat(webappsLimit.getStatusCode().value()).isEqualTo(200);
	}

	private String myTasksFilter() {
		return this.filterService.createFilterQuery().filterName("Meine Aufgaben").singleResult().getId();
	}

	private static void assertRefused(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		assertThat(response.getBody()).containsAnyOf("Ausdrücke", "Expressions are forbidden")
			.doesNotContain("noSuchBean");
	}

}
