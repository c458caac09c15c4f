package de.ratsweg.engine.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ratsweg's permissions are grants only: a right is taken away by removing or narrowing
 * its grant (as Ratsweg's own set-up does), never by a second, revoking authorization.
 * Saving a revoking authorization (Admin's "Verweigern", the REST API, Java) is refused
 * with a German message. In return the engine needs not ask before every permission check
 * whether revoking authorizations exist (a database query in every command); should a
 * database from before still hold some, the engine asks as before.
 *
 * <p>
 * Also, the groups of the signed-in user go into the permission checks as they are,
 * without the engine's query for every group that has any authorization
 * ({@code SELECT DISTINCT GROUP_ID_} over all authorizations, one per task and group, in
 * every command): a group without authorizations grants nothing either way.
 */
public class GrantsOnly extends AuthorizationManager {

	static final String REFUSED = "Ratsweg vergibt Berechtigungen nur als Erlaubnis. Um ein Recht zu entziehen, "
			+ "löschen oder ändern Sie die Erlaubnis, die es gewährt.";

	private static final Logger log = LoggerFactory.getLogger(GrantsOnly.class);

	/** Whether the engine's database holds revoking authorizations; asked once. */
	private static final class Revokes {

		private volatile Boolean exist;

	}

	private final Revokes revokes;

	private GrantsOnly(Revokes revokes) {
		this.revokes = revokes;
	}

	/** Installs this manager in place of the engine's, for one engine. */
	public static SessionFactory factory() {
		Revokes revokes = new Revokes();
		return new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return AuthorizationManager.class;
			}

			@Override
			public Session openSession() {
				return new GrantsOnly(revokes);
			}

		};
	}

	@Override
	public void insert(DbEntity authorization) {
		refuseRevoking(authorization);
		super.insert(authorization);
	}

	@Override
	public void update(AuthorizationEntity authorization) {
		refuseRevoking(authorization);
		super.update(authorization);
	}

	private static void refuseRevoking(DbEntity authorization) {
		if (authorization instanceof AuthorizationEntity entity
				&& entity.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
			log.info("Refused a revoking authorization for user '{}' / group '{}' on resource type {} '{}'",
					entity.getUserId(), entity.getGroupId(), entity.getResourceType(), entity.getResourceId());
			throw new BadUserRequestException(REFUSED);
		}
	}

	@Override
	protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
		ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
		if (!ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_AUTO
			.equalsIgnoreCase(configuration.getAuthorizationCheckRevokes())) {
			return super.isRevokeAuthCheckEnabled(userId, groupIds);
		}
		Boolean exist = this.revokes.exist;
		if (exist == null) {
			exist = Context.getCommandContext()
				.runWithoutAuthorization(() -> configuration.getAuthorizationService()
					.createAuthorizationQuery()
					.authorizationType(Authorization.AUTH_TYPE_REVOKE)
					.count() > 0);
			if (exist) {
				log.warn("The database holds revoking authorizations from before; Ratsweg refuses new ones and checks "
						+ "for them in every command until they are removed and Ratsweg restarted");
			}
			this.revokes.exist = exist;
		}
		return exist && super.isRevokeAuthCheckEnabled(userId, groupIds);
	}

	@Override
	public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
		return (authenticatedGroupIds != null) ? new ArrayList<>(authenticatedGroupIds) : new ArrayList<>();
	}

}
