package de.ratsweg.security;

import org.camunda.bpm.engine.IdentityService;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against the engine's identity service, the same users and
 * groups that Camunda Admin manages. Repeated wrong passwords from one address slow
 * further attempts from there down ({@link LoginThrottle}).
 */
@Component
public class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

	public static final String ROLE_ADMIN = "ROLE_ADMIN";

	private final IdentityService identityService;

	private final LoginThrottle throttle;

	IdentityServiceAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
		this.identityService = identityService;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "";
		if (userId == null || userId.isBlank() || credentials == null || this.throttle.mustWait(address, userId)) {
			throw new BadCredentialsException("Bad credentials");
		}
		if (!this.identityService.checkPassword(userId, credentials.toString())) {
			this.throttle.failed(address, userId);
			throw new BadCredentialsException("Bad credentials");
		}
		this.throttle.succeeded(address, userId);
		RatswegUser user = load(userId);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
	}

	RatswegUser load(String userId) {
		return RatswegUser.load(this.identityService, userId);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
