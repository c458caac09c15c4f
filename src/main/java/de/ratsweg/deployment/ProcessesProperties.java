package de.ratsweg.deployment;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the models live and whether Ratsweg follows changes to them while running.
 *
 * @param location the folder whose {@code .bpmn}, {@code .dmn} and {@code .form} files
 * are deployed
 * @param watch whether a change to the folder is redeployed while Ratsweg runs
 * @param watchInterval how often the folder is looked at when {@code watch} is on
 * @param publishing whether administrators may publish models edited in the browser into
 * the folder ("Prozesse bearbeiten"); off where the folder is changed through Git only
 */
@ConfigurationProperties("ratsweg.processes")
record ProcessesProperties(@DefaultValue("./processes") Path location, @DefaultValue("false") boolean watch,
		@DefaultValue("2s") Duration watchInterval, @DefaultValue("true") boolean publishing) {
}
