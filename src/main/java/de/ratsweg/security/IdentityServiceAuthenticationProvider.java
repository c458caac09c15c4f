package de.ratsweg.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against the engine's identity service, the same users and
 * groups that Camunda Admin manages. The identity service also throttles repeated failed
 * logins.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

	static final String ROLE_ADMIN = "ROLE_ADMIN";

	private final IdentityService identityService;

	IdentityServiceAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || credentials == null
				|| !this.identityService.checkPassword(userId, credentials.toString())) {
			throw new BadCredentialsException("Bad credentials");
		}
		RatswegUser user = load(userId);
		List<String> roles = user.isAdmin() ? List.of(ROLE_ADMIN) : List.of();
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList(roles.toArray(String[]::new)));
	}

	RatswegUser load(String userId) {
		return RatswegUser.load(this.identityService, userId);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
