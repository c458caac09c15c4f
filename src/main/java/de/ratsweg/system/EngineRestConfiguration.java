package de.ratsweg.system;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Additions to Camunda's engine REST API (a Jersey application).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

	@Bean
	ResourceConfigCustomizer clientErrorAnswers() {
		return (config) -> config.register(ClientErrorExceptionMapper.class)
			.register(ClientErrorRestExceptionMapper.class);
	}

}
