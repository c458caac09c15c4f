package de.ratsweg.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.kernel.RatswegGroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ratsweg grants permissions and takes them away by removing the grant; nobody, not even
 * an administrator, stores a revoking authorization ("Verweigern"), by Java, REST or
 * Admin. Grants are saved as before.
 */
@RatswegSpringTest
class PermissionsAreGrantsOnlyTest {

	private static final String ADMIN = "testadmin";

	private static final String ADMIN_PASSWORD = "Kreishaus-Secret-4711";

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	IdentityService identity;

	@Autowired
	TestRestTemplate http;

	@AfterEach
	void removeTheGrant() {
		this.identity.clearAuthentication();
		this.authorizations.createAuthorizationQuery()
			.userIdIn("grant-probe")
			.list()
			.forEach((grant) -> this.authorizations.deleteAuthorization(grant.getId()));
	}

	@Test
	void anAdministratorWhoDeniesAPermissionIsToldHowRatswegTakesItAway() {
		this.identity.setAuthentication(ADMIN, List.of(RatswegGroups.ADMIN));
		Authorization deny = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		deny.setGroupId("kaemmerei");
		deny.setResource(Resources.PROCESS_DEFINITION);
		deny.setResourceId("SmartCityProjectProcess");
		deny.removePermission(Permissions.READ);

		assertThatThrownBy(() -> this.authorizations.saveAuthorization(deny))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("Ratsweg vergibt Berechtigungen nur als Erlaubnis")
			.hasMessageContaining("löschen oder ändern Sie die Erlaubnis");
		assertThat(this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_REVOKE)
			.count()).isZero();

		Authorization grant = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId("grant-probe");
		grant.setResource(Resources.FILTER);
		grant.setResourceId(Authorization.ANY);
		grant.addPermission(Permissions.READ);
		this.authorizations.saveAuthorization(grant);
		assertThat(this.authorizations.createAuthorizationQuery().userIdIn("grant-probe").count()).isOne();
	}

	@Test
	void theRestApiRefusesADenyWithTheGermanReason() {
		ResponseEntity<Map<String, Object>> response = this.http.withBasicAuth(ADMIN, ADMIN_PASSWORD)
			.exchange("/engine-rest/authorization/create", HttpMethod.POST,
					new HttpEntity<>(Map.of("type", Authorization.AUTH_TYPE_REVOKE, "permissions", List.of("READ"),
							"groupId", "kaemmerei", "resourceType", Resources.TASK.resourceType(), "resourceId", "*")),
					new ParameterizedTypeReference<>() {
					});

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(String.valueOf(response.getBody().get("message")))
			.contains("Ratsweg vergibt Berechtigungen nur als Erlaubnis");
		assertThat(this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_REVOKE)
			.count()).isZero();
	}

}
