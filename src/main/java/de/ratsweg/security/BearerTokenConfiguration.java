package de.ratsweg.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Bearer tokens of the city's provider
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}): signed with one of the
 * provider's keys (fetched when the first token arrives, so Ratsweg starts while the
 * provider is down), issued by it, and not expired, allowing
 * {@code ratsweg.identity.tokens.clock-skew} between the clocks.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
class BearerTokenConfiguration {

	@Bean
	JwtDecoder bearerTokenDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
			@Value("${ratsweg.identity.tokens.clock-skew:60s}") Duration clockSkew) {
		return new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
					new JwtIssuerValidator(issuer)));
			return decoder;
		});
	}

}
