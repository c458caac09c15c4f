package de.ratsweg.security;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A machine client's bearer token (a JWT of the city's provider, checked for signature,
 * issuer and expiry by Spring Security) stands for the user its claim names: the same
 * user, groups and municipalities as with a password, so the engine's authorization and
 * tenant checks are the same. A token for someone the identity source does not know (or
 * no longer: a disabled account) is refused.
 */
class BearerTokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

	private static final Logger log = LoggerFactory.getLogger(BearerTokenUsers.class);

	private final IdentityService identityService;

	private final String userIdClaim;

	BearerTokenUsers(IdentityService identityService, String userIdClaim) {
		this.identityService = identityService;
		this.userIdClaim = userIdClaim;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String userId = jwt.getClaimAsString(this.userIdClaim);
		if (userId == null || userId.isBlank() || this.identityService.createUserQuery().userId(userId).count() == 0) {
			log.warn("Bearer token of issuer {} for '{}' refused: no such user in Ratsweg's identity source",
					jwt.getIssuer(), userId);
			throw new BadCredentialsException("Unknown user");
		}
		RatswegUser user = RatswegUser.load(this.identityService, userId);
		return new Token(user, jwt);
	}

	/** The user of a bearer token. */
	static final class Token extends AbstractAuthenticationToken {

		private static final long serialVersionUID = 1L;

		private final RatswegUser user;

		private final transient Jwt jwt;

		Token(RatswegUser user, Jwt jwt) {
			super(user.authorities());
			this.user = user;
			this.jwt = jwt;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return this.jwt;
		}

		@Override
		public Object getPrincipal() {
			return this.user;
		}

		@Override
		public String getName() {
			return this.user.userId();
		}

	}

}
