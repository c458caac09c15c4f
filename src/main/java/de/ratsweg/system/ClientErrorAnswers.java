package de.ratsweg.system;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Ratsweg's answers to client errors ({@link ClientErrors}) and to ids the caller cannot
 * see ({@link NotVisibleIsNotFound}) in every Jersey application of the process: the
 * engine REST API ({@code /engine-rest}) and the API the webapps call
 * ({@code /camunda/api/engine}), which Camunda registers itself and Spring cannot
 * customize. Found by Jersey through {@code META-INF/services}.
 */
public final class ClientErrorAnswers implements ForcedAutoDiscoverable {

	@Override
	public void configure(FeatureContext context) {
		if (!context.getConfiguration().isRegistered(ClientErrorExceptionMapper.class)) {
			context.register(ClientErrorExceptionMapper.class)
				.register(ClientErrorRestExceptionMapper.class)
				.register(NotVisibleIsNotFound.class);
		}
	}

}
