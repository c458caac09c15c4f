package de.ratsweg.engine.plugin;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import de.ratsweg.cluster.ClusterLock;
import de.ratsweg.engine.EngineExtensions;
import de.ratsweg.engine.cosigning.MatchedRules;
import de.ratsweg.engine.forms.FormInputGuard;
import de.ratsweg.engine.forms.RefusedInputUnwrapping;
import de.ratsweg.engine.forms.TaskTitles;
import de.ratsweg.engine.identity.DirectoryIdentityProviderFactory;
import de.ratsweg.engine.notification.NotificationHooks;
import de.ratsweg.engine.security.ClientExpressionsRefused;
import de.ratsweg.engine.security.EngineDoors;
import de.ratsweg.engine.security.GrantsOnly;
import de.ratsweg.engine.security.PersonalTasks;
import de.ratsweg.engine.security.ScriptsOnlyFromAdministrators;
import de.ratsweg.engine.security.VariableNamesInOperationLog;
import de.ratsweg.engine.substitution.AbsenceTimers;
import de.ratsweg.engine.tasklist.FullHistoryExceptTaskColumns;
import de.ratsweg.engine.tasklist.TaskConflicts;
import de.ratsweg.engine.tasklist.TaskListQuery;
import de.ratsweg.engine.variables.GenericTypeNames;
import de.ratsweg.engine.tenancy.StartingUserTenant;
import de.ratsweg.engine.tenancy.TenantDecisionFallback;
import de.ratsweg.forms.RefusedInputLogFilter;
import de.ratsweg.identity.DirectoryIdentity;
import de.ratsweg.project.ProjectNumberAssignment;
import de.ratsweg.project.ProjectNumbers;
import de.ratsweg.project.SmartCityProject;
import de.ratsweg.substitution.AbsenceService;
import de.ratsweg.substitution.SubstitutionListener;
import de.ratsweg.tasklist.TaskColumns;
import de.ratsweg.tenancy.Municipalities;

/**
 * Everything Ratsweg adds to the engine, in one list and in the order it runs. The only
 * engine plugin of Ratsweg; nothing else hooks into the engine.
 *
 * <ol>
 * <li><b>Identity</b>: with the city's directory configured, users come from there and
 * groups and municipalities from its mapping ({@link DirectoryIdentityProviderFactory});
 * otherwise the engine's own users.</li>
 * <li><b>Cluster lock</b>: taken before the engine creates or updates its tables;
 * released by the start-up sequence ({@code startup/StartupSequence}) when everything is
 * set up.</li>
 * <li><b>Commands</b>, outermost first:
 * <ol>
 * <li>refused input comes out unwrapped ({@link RefusedInputUnwrapping}): outermost, so
 * that it sees what every other check throws;</li>
 * <li>no expressions in queries and filters that clients send
 * ({@link ClientExpressionsRefused});</li>
 * <li>the engine's doors beside the forms for administrators only ({@link EngineDoors});
 * </li>
 * <li>two people acting on one task get a clear conflict ({@link TaskConflicts});</li>
 * <li>inside the transaction: form input is checked against the task's form
 * ({@link FormInputGuard}).</li>
 * </ol>
 * </li>
 * <li><b>Authorizations</b>: personal tasks stay with their people, tasks go only to
 * people of their municipality ({@link PersonalTasks}); permissions are grants only
 * ({@link GrantsOnly}); the operation log names changed variables
 * ({@link VariableNamesInOperationLog}); scripts are deployed by administrators only
 * ({@link ScriptsOnlyFromAdministrators}).</li>
 * <li><b>Models</b>, as the engine parses them: task titles ({@link TaskTitles}), then
 * the listeners on every user task in this order: notifications, substitution, Tasklist
 * columns; project numbers at the start of every project; decision tables per
 * municipality ({@link TenantDecisionFallback}).</li>
 * <li><b>Tenancy</b>: an instance belongs to the starting user's municipality
 * ({@link StartingUserTenant}).</li>
 * <li><b>History</b>: full, without the Tasklist columns
 * ({@link FullHistoryExceptTaskColumns}).</li>
 * <li><b>Decisions</b>: which rules of the co-signing table matched
 * ({@link MatchedRules}).</li>
 * <li><b>Jobs</b>: mails, the sweep over due dates and absences; mails are retried on
 * their own cycle.</li>
 * <li><b>Task list</b>, once the engine is configured: the task query checks permissions
 * with a semi-join ({@link TaskListQuery}).</li>
 * </ol>
 *
 * The stand-alone engine of the process tests ({@code camunda.cfg.xml}) uses
 * {@link #forModelTests()}: the same list without what needs the application around it
 * (cluster, notifications, substitution, Tasklist columns, project numbers).
 */
@Component
public class RatswegEnginePlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(RatswegEnginePlugin.class);

	private final ClusterLock lock;

	private final NotificationHooks notifications;

	private final AbsenceTimers absenceTimers;

	private final SubstitutionListener substitution;

	private final TaskColumns taskColumns;

	private final ProjectNumberAssignment projectNumbers;

	private final ObjectProvider<DirectoryIdentity> directory;

	@Autowired
	RatswegEnginePlugin(ClusterLock lock, NotificationHooks notifications, AbsenceTimers absenceTimers,
			ObjectProvider<AbsenceService> absences, ObjectProvider<Municipalities> municipalities,
			ObjectProvider<ProjectNumbers> numbers, ObjectProvider<DirectoryIdentity> directory) {
		this.lock = lock;
		this.notifications = notifications;
		this.absenceTimers = absenceTimers;
		this.substitution = new SubstitutionListener(absences);
		this.taskColumns = new TaskColumns(municipalities);
		this.projectNumbers = new ProjectNumberAssignment(numbers);
		this.directory = directory;
	}

	private RatswegEnginePlugin() {
		this.lock = null;
		this.notifications = null;
		this.absenceTimers = null;
		this.substitution = null;
		this.taskColumns = null;
		this.projectNumbers = null;
		this.directory = null;
	}

	/**
	 * For the stand-alone engine of the process tests: the checks and listeners of the
	 * models, without the application around them.
	 */
	public static RatswegEnginePlugin forModelTests() {
		return new RatswegEnginePlugin();
	}

	private boolean inApplication() {
		return this.lock != null;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (inApplication()) {
			this.lock.lock("start-up");
			log.info("Start-up: cluster lock taken before the engine's schema is created or updated");
		}

		DirectoryIdentity directoryIdentity = inApplication() ? this.directory.getIfAvailable() : null;
		if (directoryIdentity != null) {
			configuration.setIdentityProviderSessionFactory(new DirectoryIdentityProviderFactory(directoryIdentity));
			log.info("Identity: users and groups from the directory {}", directoryIdentity.properties().url());
		}

		List<CommandInterceptor> commands = listOf(configuration.getCustomPreCommandInterceptorsTxRequired());
		commands.add(new GenericTypeNames());
		commands.add(new RefusedInputUnwrapping());
		commands.add(new ClientExpressionsRefused(configuration));
		commands.add(new EngineDoors(configuration));
		commands.add(new TaskConflicts(configuration));
		configuration.setCustomPreCommandInterceptorsTxRequired(commands);
		List<CommandInterceptor> inTransaction = listOf(configuration.getCustomPostCommandInterceptorsTxRequired());
		inTransaction.add(new FormInputGuard());
		configuration.setCustomPostCommandInterceptorsTxRequired(inTransaction);
		RefusedInputLogFilter.install();

		configuration.setResourceAuthorizationProvider(new PersonalTasks(configuration));
		List<SessionFactory> sessions = listOf(configuration.getCustomSessionFactories());
		sessions.add(VariableNamesInOperationLog.FACTORY);
		sessions.add(GrantsOnly.factory());
		configuration.setCustomSessionFactories(sessions);
		List<Deployer> deployers = listOf(configuration.getCustomPreDeployers());
		deployers.add(new ScriptsOnlyFromAdministrators());
		configuration.setCustomPreDeployers(deployers);

		EngineExtensions.addParseListener(configuration, new TaskTitles());
		if (inApplication()) {
			EngineExtensions.onEveryUserTask(configuration, this.notifications.taskListener(),
					TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);
			EngineExtensions.onStartOf(configuration, SmartCityProject.PROCESS_KEY, this.projectNumbers);
			EngineExtensions.onEveryUserTask(configuration, this.substitution, TaskListener.EVENTNAME_CREATE,
					TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE);
			EngineExtensions.onEveryUserTask(configuration, this.taskColumns, TaskListener.EVENTNAME_CREATE,
					TaskListener.EVENTNAME_UPDATE);
		}
		EngineExtensions.addParseListener(configuration, new TenantDecisionFallback());

		configuration.setTenantIdProvider(new StartingUserTenant());

		if (inApplication()) {
			// Named "full" with the id of "full" (the database's level), after the
			// engine's own
			// levels: the engine takes the last level of the configured name.
			List<HistoryLevel> levels = listOf(configuration.getCustomHistoryLevels());
			levels.add(new FullHistoryExceptTaskColumns());
			configuration.setCustomHistoryLevels(levels);
		}

		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		if (dmn == null) {
			dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
			configuration.setDmnEngineConfiguration(dmn);
		}
		List<DmnDecisionTableEvaluationListener> decisions = listOf(
				dmn.getCustomPostDecisionTableEvaluationListeners());
		decisions.add(new MatchedRules());
		dmn.setCustomPostDecisionTableEvaluationListeners(decisions);

		if (inApplication()) {
			this.notifications.jobHandlers()
				.forEach((handler) -> EngineExtensions.addJobHandlers(configuration, handler));
			EngineExtensions.addJobHandlers(configuration, this.absenceTimers);
			configuration.setFailedJobCommandFactory(this.notifications.retries());
		}
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		TaskListQuery.install(configuration);
	}

	private static <T> List<T> listOf(List<T> configured) {
		return (configured != null) ? new ArrayList<>(configured) : new ArrayList<>();
	}

}
